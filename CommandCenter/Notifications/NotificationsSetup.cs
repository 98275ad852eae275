using CommandCenter.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CommandCenter.Notifications;

/// <summary>
/// Webhook notifications (<c>Twin:Notifications</c> and the organisations' stored webhooks): the
/// factory, the resilient client, the directory, the sender, the dead-letter list, the admin's
/// webhook changes and the notifier.
/// </summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddTwinNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).CheckedAtStart(o => o.Problems());
        services.AddSingleton<NotificationFactory>();
        services.AddSingleton<DeadLetters>();
        services.AddSingleton<WebhookDirectory>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<DeadLetterRetries>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadLetterRetries>());
        services.AddScoped<WebhookAdministration>();
        services.AddSingleton<WebhookNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookNotifier>());
        services.AddHttpClient(WebhookSender.ClientName)
            .AddResilienceHandler("webhook-retry", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value;
                if (o.MaxAttempts > 1)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.MaxAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        Delay = TimeSpan.FromMilliseconds(o.FirstRetryDelayMilliseconds),
                        UseJitter = false,
                    });
                }

                pipeline.AddTimeout(TimeSpan.FromSeconds(o.AttemptTimeoutSeconds));
            });
        return services;
    }
}
