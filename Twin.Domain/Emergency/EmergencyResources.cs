using Twin.Domain.Catalogue;

namespace Twin.Domain.Emergency;

/// <summary>What the engine needs for 平急融合: the plans and the flood-control assets (depots hold the supplies).</summary>
public sealed record EmergencyResources(PlanLibrary Plans, FloodControlAssets Assets)
{
    /// <summary>The embedded plans and no assets: enough for the mode and the checklists; stock commands are refused.</summary>
    public static EmergencyResources PlansOnly(EventCatalogue catalogue) => new(PlanLibrary.LoadDefault(catalogue), FloodControlAssets.None);
}
