using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using Twin.Data.Store.Providers;

namespace CommandCenter.Security;

/// <summary>
/// On PostgreSQL, the secrets every node must hold alike, in the one database they share: the Data
/// Protection key ring (so a cookie issued by one node is read by another, and so are the stored
/// contacts) and the generated audit chain key (so every node extends one chain). Key XML is
/// encrypted by Data Protection itself when <c>Twin:Security:KeyCertificate</c> is set; the audit
/// key is always stored protected by that key ring.
/// <para>
/// The two tables are made here, on first use, rather than by a migration: the key ring is read
/// while the host starts (the audit trail unprotects its key), before the store's migrations run.
/// Creation is serialised by an advisory lock, so nodes starting together do not race.
/// </para>
/// </summary>
public sealed class PostgresKeyStore(string connectionString) : IXmlRepository
{
    private const string Schema = """
        SELECT pg_advisory_xact_lock(hashtext('cityops_twin_shared_keys'));
        CREATE TABLE IF NOT EXISTS data_protection_keys (id bigserial PRIMARY KEY, friendly_name text, xml text NOT NULL);
        CREATE TABLE IF NOT EXISTS shared_secrets (name text PRIMARY KEY, value text NOT NULL);
        """;

    private readonly Lazy<bool> _ready = new(() => EnsureSchema(connectionString));

    /// <summary>The store on PostgreSQL the configuration names; null on SQLite, whose keys stay in their folder.</summary>
    public static PostgresKeyStore? From(IConfiguration configuration)
    {
        // Read as text: a misspelt provider is the storage options' check to report, not this one's to throw on.
        return Enum.TryParse<StorageProvider>(configuration["Twin:Storage:Provider"], ignoreCase: true, out var provider)
            && provider == StorageProvider.Postgres && configuration["Twin:Storage:ConnectionString"] is { Length: > 0 } connection
            ? new PostgresKeyStore(connection)
            : null;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    /// <summary>The secret stored under <paramref name="name"/>, or null.</summary>
    public string? Secret(string name)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT value FROM shared_secrets WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Stores <paramref name="value"/> unless a node got there first; either way, the value every node now reads.</summary>
    public string AddSecret(string name, string value)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO shared_secrets (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING; SELECT value FROM shared_secrets WHERE name = @name",
            connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("value", value);
        return (string)command.ExecuteScalar()!;
    }

    private NpgsqlConnection Open()
    {
        _ = _ready.Value;
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static bool EnsureSchema(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var command = new NpgsqlCommand(Schema, connection, transaction))
        {
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }
}
