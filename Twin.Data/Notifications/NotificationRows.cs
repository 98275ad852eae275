using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Organisations;
using Twin.Data.Store;

namespace Twin.Data.Notifications;

/// <summary>
/// An organisation's webhook as an admin set it up. The URL and the signing secret carry the
/// robot's keys, so the app stores them encrypted (Data Protection) and shows only
/// <see cref="UrlHint"/> (scheme and host) back; the store never sees them in clear.
/// </summary>
public sealed class WebhookRow
{
    public required string Id { get; set; }

    public required string OrganisationId { get; set; }

    public required string Name { get; set; }

    /// <summary>Generic, WeCom or DingTalk (the app's enum by name).</summary>
    public required string Format { get; set; }

    /// <summary>The notification kinds it wants, comma-separated names; empty for every kind.</summary>
    public required string Kinds { get; set; }

    public required string ProtectedUrl { get; set; }

    public string? ProtectedSecret { get; set; }

    public required string UrlHint { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>
/// A notification that failed every try, kept until an admin's retry delivers it or the retention
/// (README "Retention") drops it. The body holds no personal data (the factory writes none), the
/// webhook is named by id and name, never by URL.
/// </summary>
public sealed class DeadLetterRow
{
    public required string Id { get; set; }

    /// <summary>A stored webhook's id, or <c>config:</c> and its name for one from the configuration.</summary>
    public required string WebhookId { get; set; }

    public required string WebhookName { get; set; }

    /// <summary>The organisation's id for a stored webhook, the configured label for a configured one.</summary>
    public string? Organisation { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset FailedAt { get; set; }

    public int Attempts { get; set; }

    public required string LastError { get; set; }
}

internal sealed class WebhookRowConfiguration : IEntityTypeConfiguration<WebhookRow>
{
    public void Configure(EntityTypeBuilder<WebhookRow> builder)
    {
        builder.ToTable("webhooks");
        builder.HasKey(w => w.Id).HasName("pk_webhooks");
        builder.Property(w => w.Id).HasColumnName("id");
        builder.Property(w => w.OrganisationId).HasColumnName("organisation_id");
        builder.Property(w => w.Name).HasColumnName("name");
        builder.Property(w => w.Format).HasColumnName("format");
        builder.Property(w => w.Kinds).HasColumnName("kinds");
        builder.Property(w => w.ProtectedUrl).HasColumnName("protected_url");
        builder.Property(w => w.ProtectedSecret).HasColumnName("protected_secret");
        builder.Property(w => w.UrlHint).HasColumnName("url_hint");
        builder.Property(w => w.UpdatedAt).HasColumnName("updated_at").HasConversion(UtcTicks.Converter);
        builder.Property(w => w.UpdatedBy).HasColumnName("updated_by");
        builder.HasIndex(w => new { w.OrganisationId, w.Name }).IsUnique().HasDatabaseName("ix_webhooks_organisation_id_name");
        builder.HasOne<OrganisationRow>().WithMany().HasForeignKey(w => w.OrganisationId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_webhooks_organisations_organisation_id");
    }
}

internal sealed class DeadLetterRowConfiguration : IEntityTypeConfiguration<DeadLetterRow>
{
    public void Configure(EntityTypeBuilder<DeadLetterRow> builder)
    {
        builder.ToTable("notification_dead_letters");
        builder.HasKey(l => l.Id).HasName("pk_notification_dead_letters");
        builder.Property(l => l.Id).HasColumnName("id");
        builder.Property(l => l.WebhookId).HasColumnName("webhook_id");
        builder.Property(l => l.WebhookName).HasColumnName("webhook_name");
        builder.Property(l => l.Organisation).HasColumnName("organisation");
        builder.Property(l => l.Kind).HasColumnName("kind");
        builder.Property(l => l.Key).HasColumnName("key");
        builder.Property(l => l.Title).HasColumnName("title");
        builder.Property(l => l.Body).HasColumnName("body");
        builder.Property(l => l.FailedAt).HasColumnName("failed_at").HasConversion(UtcTicks.Converter);
        builder.Property(l => l.Attempts).HasColumnName("attempts");
        builder.Property(l => l.LastError).HasColumnName("last_error");
        builder.HasIndex(l => l.FailedAt).HasDatabaseName("ix_notification_dead_letters_failed_at");
    }
}
