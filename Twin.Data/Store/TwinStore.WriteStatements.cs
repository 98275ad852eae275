using System.Data.Common;
using System.Text.RegularExpressions;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>The writer's statements: prepared once, re-bound per row or per group of rows.</summary>
    private sealed partial class WriteCommands
    {
        /// <summary>
        /// Builds a command whose parameters are created once, in the order the write methods fill
        /// them: one statement compiled (prepared on the server) once and re-bound per row.
        /// </summary>
        private DbCommand Prepare(string sql)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in ParameterNames(sql))
            {
                command.AddParameter(name, null);
            }

            command.Prepare();
            return command;
        }

        /// <summary>
        /// The same statement as <paramref name="singleRow"/> for <paramref name="rows"/> rows: its
        /// VALUES row repeated with each row's parameters renamed (<c>@id</c> → <c>@id_3</c>), in
        /// row order, so a row's parameters start at its index times the single row's count.
        /// </summary>
        private DbCommand PrepareRows(string singleRow, int rows)
        {
            var values = singleRow.IndexOf("VALUES", StringComparison.Ordinal) + "VALUES".Length;
            var open = singleRow.IndexOf('(', values);
            var close = singleRow.IndexOf(')', open);
            var row = singleRow[open..(close + 1)];
            var command = _connection.CreateCommand();
            command.CommandText = singleRow[..open]
                + string.Join(", ", Enumerable.Range(0, rows).Select(i => ParameterName().Replace(row, m => $"{m.Value}_{i}")))
                + singleRow[(close + 1)..];
            var names = ParameterNames(singleRow).ToList();
            for (var i = 0; i < rows; i++)
            {
                foreach (var name in names)
                {
                    command.AddParameter($"{name}_{i}", null);
                }
            }

            command.Prepare();
            return command;
        }

        [GeneratedRegex(@"@\w+")]
        private static partial Regex ParameterName();

        private static IEnumerable<string> ParameterNames(string sql)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var values = sql[(sql.IndexOf("VALUES", StringComparison.Ordinal) + "VALUES".Length)..];
            var start = values.IndexOf('(');
            var end = values.IndexOf(')');
            foreach (var token in values[(start + 1)..end].Split(','))
            {
                var name = token.Trim();
                if (seen.Add(name))
                {
                    yield return name;
                }
            }
        }

        /// <summary>One row's parameters within a statement's, by the row's own column index.</summary>
        private readonly struct Row(DbParameterCollection parameters, int at)
        {
            public DbParameter this[int column] => parameters[at + column];
        }
    }
}
