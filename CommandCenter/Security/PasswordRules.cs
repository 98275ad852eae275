using CommandCenter.Localization;
using Microsoft.AspNetCore.Identity;
using Twin.Domain.Vocabulary;

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

    /// <summary>
    /// What the password page is told (its <c>error</c> query values): only these codes, each with a
    /// fixed message, so that nothing a link carries is ever shown as text.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Term> Messages = new Dictionary<string, Term>(StringComparer.Ordinal)
    {
        ["mismatch"] = new("两次输入的新密码不一致", "The new passwords differ."),
        ["same"] = new("新密码不能与原密码相同", "The new password must differ from the current one."),
        ["session"] = new("请重新登录", "Please sign in again."),
        ["form"] = new("页面已过期，请重新输入", "The page had expired; please enter the passwords again."),
        [nameof(IdentityErrorDescriber.PasswordTooShort)] = new($"密码至少 {MinimumLength} 位", $"At least {MinimumLength} characters."),
        [nameof(IdentityErrorDescriber.PasswordRequiresDigit)] = new("密码须含数字", "Must contain a digit."),
        [nameof(IdentityErrorDescriber.PasswordRequiresLower)] = new("密码须含小写字母", "Must contain a lower-case letter."),
        [nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars)] = new("密码中不同字符太少", "Too few different characters."),
        [nameof(IdentityErrorDescriber.PasswordMismatch)] = new("原密码不正确", "The current password is wrong."),
        [CommonPasswords.ErrorCode] = new("密码过于常见，容易被猜中", "This password is too common."),
        [nameof(IdentityErrorDescriber.DuplicateUserName)] = new("用户名已存在", "The user name is taken."),
        [nameof(IdentityErrorDescriber.InvalidUserName)] = new("用户名只能含字母、数字和 .-_", "Letters, digits and .-_ only."),
    };

    private static readonly Term NotChanged = new("密码未能修改", "The password was not changed.");

    /// <summary>The fixed messages of the codes in an <c>error</c> value, in the page's language; anything else reads as a general failure.</summary>
    public static IReadOnlyList<string> MessagesFor(string? codes) =>
        string.IsNullOrWhiteSpace(codes)
            ? []
            : codes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => Messages.GetValueOrDefault(c, NotChanged).Text(Language.Current))
                .Distinct()
                .ToList();

    /// <summary>Identity's refusal of a new account or password, in the page's language (Identity's own English for a code without a message here).</summary>
    public static string Describe(IdentityError error) =>
        Messages.TryGetValue(error.Code, out var message) ? message.Text(Language.Current) : error.Description;

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
