using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Emergency;

public sealed class SuppliesAndRosterTests
{
    private static readonly Lazy<FloodControlAssets> Assets = new(() => FloodControlAssetsLoader.LoadFromDirectory(TestGeo.GeoDirectory));

    [Fact]
    public void The_flood_control_file_is_simulated_and_every_point_lies_in_its_sub_district()
    {
        var assets = Assets.Value;
        Assert.NotEmpty(assets.OfKind(FloodPointKind.WaterloggingPoint));
        Assert.NotEmpty(assets.OfKind(FloodPointKind.Underpass));
        Assert.NotEmpty(assets.OfKind(FloodPointKind.PumpingStation));
        Assert.NotEmpty(assets.Teams);
        Assert.All(assets.Depots, d => Assert.Contains("沙袋", d.InitialStock.Keys));
        Assert.All(assets.Points, p => Assert.True(p.Simulated));
        Assert.All(assets.Points, p => Assert.Equal(p.SubDistrictCode, TestGeo.Putuo.SubDistrictFor(p.Location).Code));
    }

    [Fact]
    public void Stock_is_drawn_and_restocked_never_below_zero()
    {
        var (engine, time) = Engine();
        var depot = Assets.Value.Depots[0];
        var start = depot.InitialStock["沙袋"];

        Assert.False(engine.MoveStock(depot.Id, "沙袋", StockMovementKind.Draw, start + 1, "王值班", "长风积水点").Accepted);
        Assert.False(engine.MoveStock(depot.Id, "沙袋", StockMovementKind.Draw, 10, "王值班", " ").Accepted);
        Assert.False(engine.MoveStock(depot.Id, "直升机", StockMovementKind.Draw, 1, "王值班", "x").Accepted);
        Assert.False(engine.MoveStock(depot.Id, "沙袋", StockMovementKind.Restock, int.MaxValue, "王值班", "x").Accepted);
        TestEngine.Accept(engine.MoveStock(depot.Id, "沙袋", StockMovementKind.Draw, 200, "王值班", "送往金沙江路站周边易积水点"));
        TestEngine.Accept(engine.MoveStock(depot.Id, "沙袋", StockMovementKind.Restock, 50, "王值班", "回收"));

        Assert.Equal(start - 150, engine.Snapshot().Stock.Single(s => s.DepotId == depot.Id && s.Item == "沙袋").Quantity);
        var moved = engine.DrainEvents().OfType<StockMoved>().ToList();
        Assert.Equal([StockMovementKind.Draw, StockMovementKind.Restock], moved.Select(m => m.Movement.Kind));
        Assert.Equal(time.GetUtcNow(), moved[^1].At);
    }

    [Fact]
    public void The_roster_names_one_person_per_role_on_duty_now_with_masked_phones()
    {
        var roster = DutyRoster.LoadDefault();
        var morning = new DateTimeOffset(2025, 6, 14, 9, 0, 0, TimeSpan.FromHours(8));
        var onDuty = roster.OnDutyAt(morning);
        Assert.Equal(Enum.GetValues<OfficerRole>(), onDuty.Select(a => a.Role));
        Assert.All(onDuty, a => Assert.Equal("day", a.ShiftId));
        Assert.All(onDuty, a => Assert.Contains("****", a.PhoneMasked));
        Assert.All(roster.Contacts, c => Assert.Contains("****", c.PhoneMasked));

        var night = roster.OnDutyAt(morning.AddHours(17));
        Assert.All(night, a => Assert.Equal("night", a.ShiftId));
        Assert.NotEqual(onDuty.Select(a => a.PersonId), night.Select(a => a.PersonId));
        Assert.Equal(night, roster.OnDutyAt(morning.AddHours(22)));
        Assert.StartsWith("139", roster.RevealPhone(onDuty[0].PersonId));
    }

    private static (TwinEngine Engine, Microsoft.Extensions.Time.Testing.FakeTimeProvider Time) Engine()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestEngine.Start);
        var engine = new TwinEngine(TestGeo.Putuo, TestEngine.Catalogue, time, new EngineOptions(),
            new EmergencyResources(PlanLibrary.LoadDefault(TestEngine.Catalogue), Assets.Value));
        return (engine, time);
    }
}
