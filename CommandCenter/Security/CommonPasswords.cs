using Microsoft.AspNetCore.Identity;
using Twin.Data.Accounts;

namespace CommandCenter.Security;

/// <summary>
/// Refuses the passwords attackers try first (ASVS 2.1.7): one of the 10,000 most common, or one
/// of them with digits and symbols added at the end or start (password1234, qwerty123456!), since
/// the length rule alone is met by exactly those.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<TwinUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    // A short stem (abc, 123) is part of too many good passwords to refuse on its own.
    private const int MinimumStemLength = 4;

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(lower))
        {
            return true;
        }

        var stem = lower.Trim("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        return stem.Length >= MinimumStemLength && List.Value.Contains(stem);
    }

    public Task<IdentityResult> ValidateAsync(UserManager<TwinUser> manager, TwinUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "The password is one of the most common ones." })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("CommandCenter.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line);
            }
        }

        return set;
    }
}
