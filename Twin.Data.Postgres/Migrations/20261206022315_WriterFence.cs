using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Twin.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WriterFence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "writer_fence",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    epoch = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_writer_fence", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "writer_fence");
        }
    }
}
