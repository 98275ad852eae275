using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;
using Twin.Domain.Sensors;

namespace CommandCenter.Tests.Admin;

/// <summary>
/// Issue 18 item 1: an admin changes a sensor's levels on /admin/sensors. Levels that cannot work
/// are refused with the reason; good ones count at once (a reading now above the lowered alarm
/// level raises the alarm without waiting for the next one), are audited in the same transaction
/// and stay on the sensor's row across a restart. Only an admin may change them.
/// </summary>
public sealed class SensorLevelTests
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = TestAccounts.Principal(Roles.Admin);

    [Fact]
    public async Task An_admins_levels_are_checked_count_at_once_are_audited_and_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cityops-ingest-tests", Guid.NewGuid().ToString("N"));
        var sensor = IngestionApp.SensorIds[0];
        try
        {
            await using (var app = IngestionApp.On(directory))
            {
                await app.StartAsync();
                await using var scope = app.Services.CreateAsyncScope();
                var levels = scope.ServiceProvider.GetRequiredService<SensorLevelAdministration>();
                using (var posted = await app.KeyedClient().PostAsync($"/sta/v1.1/Datastreams('{sensor}')/Observations",
                    IngestionApp.Json($$"""{"phenomenonTime": "{{IngestionApp.Iso(DateTimeOffset.UtcNow.AddSeconds(-5))}}", "result": 80}""")))
                {
                    Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
                }

                await Eventually.Until(() => State(app, sensor).ValueState == ValueState.Warning, "80 dB(A) is a warning at 70/85");
                var warned = app.Runtime.Queries.Current.ActiveAlarms.Single(a => a.SourceId == sensor).Severity;

                var wrongOrder = await levels.SetAsync(Admin, sensor, 85, 70, 2);
                Assert.Equal(ThresholdProblem.WarningNotBelowAlarm, wrongOrder.Problem);
                Assert.Equal(ThresholdProblem.HysteresisOutOfRange, (await levels.SetAsync(Admin, sensor, 60, 65, 5)).Problem);
                await Assert.ThrowsAsync<UnauthorizedAccessException>(() => levels.SetAsync(TestAccounts.Principal(Roles.Officer), sensor, 60, 75, 3));
                Assert.Empty(await AuditRowsAsync(app));

                var saved = await levels.SetAsync(Admin, sensor, 60, 75, 3);
                Assert.True(saved.Succeeded, saved.Reason);
                await Eventually.Until(() => State(app, sensor).Definition.Thresholds == new Thresholds(60, 75, 3), "the twin's picture shows the new levels");
                Assert.Equal(ValueState.Alarm, State(app, sensor).ValueState);
                Assert.True(app.Runtime.Queries.Current.ActiveAlarms.Single(a => a.SourceId == sensor).Severity > warned, "the sensor's alarm rose with the lowered level");

                var row = Assert.Single(await AuditRowsAsync(app));
                Assert.Equal(("admin", sensor), (row.Entry.Actor, row.Entry.Target));
                Assert.StartsWith("warning 70→60, alarm 85→75, hysteresis 2→3 dB(A)", row.Entry.Detail, StringComparison.Ordinal);
                Assert.Equal(75.0, Scalar(app, $"SELECT alarm_level FROM sensors WHERE id = '{sensor}'"));
            }

            await using (var restarted = IngestionApp.On(directory))
            {
                await restarted.StartAsync();
                Assert.Equal(new Thresholds(60, 75, 3), State(restarted, sensor).Definition.Thresholds);
                Assert.Equal(new Thresholds(70, 85, 2), State(restarted, IngestionApp.SensorIds[1]).Definition.Thresholds);
            }
        }
        finally
        {
            IngestionApp.DeleteFolder(directory);
        }
    }

    private static SensorState State(IngestionApp app, string id) => app.Runtime.Queries.Current.Sensors.Single(s => s.Definition.Id == id);

    private static async Task<IReadOnlyList<AuditRecord>> AuditRowsAsync(IngestionApp app) =>
        await app.Services.GetRequiredService<AuditTrail>().Log.QueryAsync(new AuditQuery(ActionPrefix: AuditActions.SensorThresholdsChanged));

    private static double Scalar(IngestionApp app, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
