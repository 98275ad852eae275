using System.Data.Common;
using Twin.Data.Store;

namespace Twin.Data.Nodes;

/// <summary>
/// Writes inbox outcomes inside the writer's batch transaction (<see cref="TwinBatch.InboxAnswers"/>):
/// the row id is the command's idempotency key, so a row answered with its batch is never taken
/// again, whichever writer drains next. The body, which may hold a reporter's contact, is cleared.
/// </summary>
internal static class InboxAnswers
{
    public static void Write(DbConnection connection, DbTransaction transaction, IReadOnlyList<(long InboxId, string Outcome)> answers, DateTimeOffset at)
    {
        if (answers.Count == 0)
        {
            return;
        }

        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE inbox SET outcome = @outcome, body = NULL, answered_at = @at WHERE id = @id AND answered_at IS NULL";
        var id = update.AddParameter("@id", 0L);
        var outcome = update.AddParameter("@outcome", string.Empty);
        update.AddParameter("@at", UtcTicks.From(at));
        foreach (var answer in answers)
        {
            id.Value = answer.InboxId;
            outcome.Value = answer.Outcome;
            update.ExecuteNonQuery();
        }
    }
}
