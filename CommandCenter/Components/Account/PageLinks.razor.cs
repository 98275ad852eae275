using CommandCenter.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Components.Account;

/// <summary>Links between the pages, each offered only when the signed-in role's policy opens it, so no link leads to 无权访问.</summary>
public sealed partial class PageLinks
{
    public const string Wall = "wall";
    public const string Console = "console";
    public const string Admin = "admin";
    public const string Briefing = "briefing";
    public const string Field = "field";

    private static readonly (string Key, string Href, string Policy)[] Pages =
    [
        (Wall, "/", Policies.ViewWall),
        (Console, "/console", Policies.UseConsole),
        (Briefing, "/briefing", Policies.ReadBriefing),
        (Field, "/field", Policies.WorkInField),
        (Admin, "/admin/users", Policies.Administer),
    ];

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private SignedInScope Scopes { get; set; } = default!;

    /// <summary>Which of <see cref="Wall"/>, <see cref="Console"/>, <see cref="Briefing"/>, <see cref="Admin"/> this page is.</summary>
    [Parameter, EditorRequired]
    public string Current { get; set; } = string.Empty;

    private IReadOnlyList<(string Key, string Href, string Label)> Links { get; set; } = [];

    protected override async Task OnParametersSetAsync()
    {
        if (AuthenticationState is null)
        {
            return;
        }

        var user = (await AuthenticationState).User;
        if (user.HasClaim(c => c.Type == TwinClaims.Device))
        {
            Links = [];
            return;
        }

        // The briefing shows the whole district: a 街镇's or a department's account would only be told it is the centre's.
        var seesDistrict = (await Scopes.OfAsync(user)).SeesAll;
        var links = new List<(string, string, string)>();
        foreach (var (key, href, policy) in Pages)
        {
            if ((key != Briefing || seesDistrict) && (await Authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                links.Add((key, href, AccountText.PageName(key)));
            }
        }

        Links = links;
    }
}
