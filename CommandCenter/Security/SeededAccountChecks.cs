using CommandCenter.Configuration;

namespace CommandCenter.Security;

/// <summary>
/// The start-up check of <see cref="SecurityOptions.SeededAccounts"/>; it lives beside the roles it
/// names, so that Configuration needs nothing from Security.
/// </summary>
internal static class SeededAccountChecks
{
    /// <summary>Seeded accounts outside Development/Testing, or ones without a name, password, role or organisation.</summary>
    public static IEnumerable<string> Problems(SecurityOptions options, IHostEnvironment environment)
    {
        if (options.SeededAccounts.Count > 0 && !SecurityOptions.WallTokenEnvironments.Any(environment.IsEnvironment))
        {
            yield return $"{SecurityOptions.SeededAccountsKey} is set, but accounts with known passwords are allowed only in Development and Testing (this is {environment.EnvironmentName}); " +
                "create accounts on /admin/users instead.";
        }

        foreach (var a in options.SeededAccounts)
        {
            if (string.IsNullOrWhiteSpace(a.UserName) || string.IsNullOrWhiteSpace(a.Password) || string.IsNullOrWhiteSpace(a.Organisation)
                || a.Role is not (Roles.Officer or Roles.Supervisor or Roles.Leader))
            {
                yield return $"{SecurityOptions.SeededAccountsKey}: '{a.UserName}' needs a UserName, a Password, an Organisation and a Role of officer, supervisor or leader.";
            }
        }
    }
}
