using System.Data.Common;

namespace Twin.Data.Store;

/// <summary>
/// Checked inside each batch's transaction, just before it commits: with two or more nodes, that
/// this node is still the writer (Twin.Data/Nodes/WriterFence.cs). Throws to roll the batch back.
/// </summary>
public interface IWriteFence
{
    void Check(DbConnection connection, DbTransaction transaction);
}
