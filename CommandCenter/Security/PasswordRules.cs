using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security;

/// <summary>The password policy (ASVS 2.1: at least 12 characters, any characters, no composition games beyond a mix) and its messages.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    public static void Apply(PasswordOptions o)
    {
        o.RequiredLength = MinimumLength;
        o.RequiredUniqueChars = 5;
        o.RequireDigit = true;
        o.RequireLowercase = true;
        o.RequireUppercase = false;
        o.RequireNonAlphanumeric = false;
    }

    public static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => $"密码至少 {MinimumLength} 位 · At least {MinimumLength} characters.",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "密码须含数字 · Must contain a digit.",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "密码须含小写字母 · Must contain a lower-case letter.",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "密码中不同字符太少 · Too few different characters.",
        nameof(IdentityErrorDescriber.PasswordMismatch) => "原密码不正确 · The current password is wrong.",
        nameof(IdentityErrorDescriber.DuplicateUserName) => "用户名已存在 · The user name is taken.",
        nameof(IdentityErrorDescriber.InvalidUserName) => "用户名只能含字母、数字和 .-_ · Letters, digits and .-_ only.",
        _ => error.Description,
    };

    /// <summary>A one-time password meeting the policy: 16 characters from an unambiguous alphabet, with digits.</summary>
    public static string Generate()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string digits = "23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            var alphabet = i % 4 == 3 ? digits : letters;
            chars[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }
}
