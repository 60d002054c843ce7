using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_IntervenerId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State",
                table: "Cases");

            migrationBuilder.AddColumn<int>(
                name: "ApprovedExtensionMinutes",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "Cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DomainFlags",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FactsRevision",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "UsedMinutes",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WaitingOn",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseCounts",
                columns: table => new
                {
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WaitingOn = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DomainFlags = table.Column<int>(type: "integer", nullable: false),
                    Cases = table.Column<int>(type: "integer", nullable: false),
                    UsedMinutes = table.Column<long>(type: "bigint", nullable: false),
                    BudgetMinutes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseCounts", x => new { x.State, x.Outcome, x.WaitingOn, x.Department, x.DomainFlags });
                });

            // Each case takes its beneficiary's department; the other facts and HR's counts are computed by the app at start.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"Department\" = (SELECT u.\"Department\" FROM \"AspNetUsers\" u WHERE u.\"Id\" = \"Cases\".\"BeneficiaryId\")");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Department_IntervenerId_UsedMinutes",
                table: "Cases",
                columns: new[] { "Department", "IntervenerId", "UsedMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Department_StateEnteredAt",
                table: "Cases",
                columns: new[] { "Department", "StateEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Intervener_Facts",
                table: "Cases",
                columns: new[] { "IntervenerId", "StateEnteredAt", "State", "Outcome", "WaitingOn", "Department", "UsedMinutes", "BudgetMinutes", "ApprovedExtensionMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_IntervenerId_UsedMinutes_DomainFlags",
                table: "Cases",
                columns: new[] { "IntervenerId", "UsedMinutes", "DomainFlags" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_IntervenerId_UsedMinutes",
                table: "Cases",
                columns: new[] { "State", "IntervenerId", "UsedMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_StateEnteredAt",
                table: "Cases",
                columns: new[] { "State", "StateEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_StateEnteredAt",
                table: "Cases",
                column: "StateEnteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_WaitingOn_IntervenerId_UsedMinutes",
                table: "Cases",
                columns: new[] { "WaitingOn", "IntervenerId", "UsedMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_WaitingOn_StateEnteredAt",
                table: "Cases",
                columns: new[] { "WaitingOn", "StateEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Department",
                table: "AspNetUsers",
                column: "Department");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseCounts");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Department_IntervenerId_UsedMinutes",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Department_StateEnteredAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Intervener_Facts",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_IntervenerId_UsedMinutes_DomainFlags",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_IntervenerId_UsedMinutes",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_StateEnteredAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_StateEnteredAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_WaitingOn_IntervenerId_UsedMinutes",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_WaitingOn_StateEnteredAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Department",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ApprovedExtensionMinutes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Department",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DomainFlags",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FactsRevision",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "UsedMinutes",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WaitingOn",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_IntervenerId",
                table: "Cases",
                column: "IntervenerId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State",
                table: "Cases",
                column: "State");
        }
    }
}
