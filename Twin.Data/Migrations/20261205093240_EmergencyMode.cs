using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Migrations
{
    /// <inheritdoc />
    public partial class EmergencyMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "checklist_steps",
                columns: table => new
                {
                    incident_id = table.Column<string>(type: "TEXT", nullable: false),
                    step_id = table.Column<string>(type: "TEXT", nullable: false),
                    level = table.Column<string>(type: "TEXT", nullable: false),
                    title_zh = table.Column<string>(type: "TEXT", nullable: false),
                    title_en = table.Column<string>(type: "TEXT", nullable: false),
                    department = table.Column<string>(type: "TEXT", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    supervision_level = table.Column<int>(type: "INTEGER", nullable: false),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true),
                    done_by = table.Column<string>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checklist_steps", x => new { x.incident_id, x.step_id });
                });

            migrationBuilder.CreateTable(
                name: "mode_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    incident_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    level = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    proposal_id = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mode_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mode_proposals",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    source_ref = table.Column<string>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    level = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    proposed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mode_proposals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stock_movements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    depot_id = table.Column<string>(type: "TEXT", nullable: false),
                    item = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stock_movements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supply_stock",
                columns: table => new
                {
                    depot_id = table.Column<string>(type: "TEXT", nullable: false),
                    item = table.Column<string>(type: "TEXT", nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supply_stock", x => new { x.depot_id, x.item });
                });

            migrationBuilder.CreateTable(
                name: "checklist_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    incident_id = table.Column<string>(type: "TEXT", nullable: false),
                    step_id = table.Column<string>(type: "TEXT", nullable: false),
                    change = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    supervision_level = table.Column<int>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checklist_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_checklist_history_checklist_steps",
                        columns: x => new { x.incident_id, x.step_id },
                        principalTable: "checklist_steps",
                        principalColumns: new[] { "incident_id", "step_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_checklist_history_incident_id",
                table: "checklist_history",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "IX_checklist_history_incident_id_step_id",
                table: "checklist_history",
                columns: new[] { "incident_id", "step_id" });

            migrationBuilder.CreateIndex(
                name: "ix_mode_changes_incident_id",
                table: "mode_changes",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_mode_proposals_status",
                table: "mode_proposals",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_stock_movements_at",
                table: "stock_movements",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checklist_history");

            migrationBuilder.DropTable(
                name: "mode_changes");

            migrationBuilder.DropTable(
                name: "mode_proposals");

            migrationBuilder.DropTable(
                name: "stock_movements");

            migrationBuilder.DropTable(
                name: "supply_stock");

            migrationBuilder.DropTable(
                name: "checklist_steps");
        }
    }
}
