using System.Data;
using System.Data.Common;

namespace Twin.Data;

/// <summary>Parameters added the same way on every provider's commands (both take <c>@name</c>).</summary>
internal static class StoreCommands
{
    /// <param name="type">
    /// Needed where the value may be null and nothing else in the statement says its type
    /// (<c>@p IS NULL OR …</c>): PostgreSQL must know every parameter's type; SQLite ignores it.
    /// </param>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } known)
        {
            parameter.DbType = known;
        }

        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
