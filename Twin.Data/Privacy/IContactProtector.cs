namespace Twin.Data.Store;

/// <summary>
/// Encrypts a personal-data field before it is written and decrypts it when it is read back
/// (PIPL art. 51: encryption of personal information at rest).
/// </summary>
public interface IContactProtector
{
    /// <summary>Stores values as given: only for stores that never hold real reporters (tests, benchmarks).</summary>
    static IContactProtector Plain { get; } = new PlainText();

    string? Protect(string? value);

    string? Unprotect(string? stored);

    private sealed class PlainText : IContactProtector
    {
        public string? Protect(string? value) => value;

        public string? Unprotect(string? stored) => stored;
    }
}
