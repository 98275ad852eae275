namespace Twin.Data.Store.Providers;

/// <summary>The database engine behind the store (<c>Twin:Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One embedded file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL 15+ server (with PostGIS available), from <c>Twin:Storage:ConnectionString</c>.</summary>
    Postgres,
}
