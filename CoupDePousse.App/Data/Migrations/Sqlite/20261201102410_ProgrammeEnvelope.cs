using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgrammeEnvelope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeEnvelopes",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeEnvelopes", x => x.Year);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Envelope",
                table: "Cases",
                columns: new[] { "State", "ProposedAt", "IntervenerId", "BudgetMinutes", "ApprovedExtensionMinutes", "UsedMinutes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeEnvelopes");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Envelope",
                table: "Cases");
        }
    }
}
