using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;

namespace CommandCenter.Components.Admin;

/// <summary>The district's organisations as a select's options (centre, departments, 街镇), named in the page's language.</summary>
public sealed partial class OrganisationOptions
{
    [Inject]
    private ITwinOrganisations Organisations { get; set; } = default!;
}
