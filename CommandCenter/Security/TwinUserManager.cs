using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Twin.Data.Accounts;

namespace CommandCenter.Security;

/// <summary>
/// Identity's user manager with its lockout clock taken from <see cref="TimeProvider"/> (Identity 10
/// reads the system clock), so lockout expiry follows the same clock as sessions, and tests can
/// move it.
/// </summary>
public sealed class TwinUserManager(
    IUserStore<TwinUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<TwinUser> passwordHasher,
    IEnumerable<IUserValidator<TwinUser>> userValidators,
    IEnumerable<IPasswordValidator<TwinUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<TwinUser>> logger,
    TimeProvider time)
    : UserManager<TwinUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(TwinUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await GetLockoutEnabledAsync(user))
        {
            return false;
        }

        return await GetLockoutEndDateAsync(user) is { } end && end > time.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(TwinUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockoutStore = (IUserLockoutStore<TwinUser>)Store;
        var count = await lockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count < Options.Lockout.MaxFailedAccessAttempts)
        {
            return await UpdateAsync(user);
        }

        await lockoutStore.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await lockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateAsync(user);
    }
}
