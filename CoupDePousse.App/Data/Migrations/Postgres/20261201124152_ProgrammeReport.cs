using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgrammeReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Report",
                table: "Cases",
                columns: new[] { "ProposedAt", "State", "Outcome", "Department", "DomainFlags", "UsedMinutes", "BudgetMinutes", "ApprovedExtensionMinutes", "MeasuredObjectives", "ScoreChange", "SatisfactionScore", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Report",
                table: "Cases");
        }
    }
}
