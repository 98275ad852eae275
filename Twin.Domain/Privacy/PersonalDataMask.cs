namespace Twin.Domain.Privacy;

/// <summary>
/// De-identifies what is displayed (GB/T 35273 §7.2): only these masked forms ever leave the
/// domain towards screens and streams.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J*********.</summary>
    public static string MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var trimmed = name.Trim();
        var first = char.IsSurrogate(trimmed[0]) && trimmed.Length > 1 ? trimmed[..2] : trimmed[..1];
        var rest = trimmed.Length - first.Length;
        return first + new string('*', Math.Max(1, rest));
    }

    /// <summary>13812341234 and +86 138-1234-1234 → 138****1234; shorter numbers keep at most their last two digits.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());

        // A mainland mobile written with the country code (+86 138…, 0086 138…) is masked as dialled at home.
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (digits.Length == 15 && digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        if (digits.Length >= 11)
        {
            var tail = digits[^4..];
            var head = digits.Length == 11 ? digits[..3] : digits[..(digits.Length - 8)];
            return head + "****" + tail;
        }

        if (digits.Length <= 2)
        {
            return new string('*', Math.Max(digits.Length, 1));
        }

        return new string('*', digits.Length - 2) + digits[^2..];
    }
}
