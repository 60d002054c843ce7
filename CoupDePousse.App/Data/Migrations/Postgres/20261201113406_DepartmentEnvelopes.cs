using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DepartmentEnvelopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Envelope",
                table: "Cases");

            migrationBuilder.CreateTable(
                name: "DepartmentEnvelopes",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentEnvelopes", x => new { x.Year, x.Department });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Envelope",
                table: "Cases",
                columns: new[] { "State", "ProposedAt", "IntervenerId", "BudgetMinutes", "ApprovedExtensionMinutes", "UsedMinutes", "Department" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DepartmentEnvelopes");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Envelope",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Envelope",
                table: "Cases",
                columns: new[] { "State", "ProposedAt", "IntervenerId", "BudgetMinutes", "ApprovedExtensionMinutes", "UsedMinutes" });
        }
    }
}
