using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "Cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DomainFlags",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FactsRevision",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "UsedMinutes",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WaitingOn",
                table: "Cases",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // Each case takes its beneficiary's department; the other facts are refreshed by the app at start (FactsRevision 0).
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"Department\" = (SELECT u.\"Department\" FROM \"AspNetUsers\" u WHERE u.\"Id\" = \"Cases\".\"BeneficiaryId\")");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Department_StateEnteredAt",
                table: "Cases",
                columns: new[] { "Department", "StateEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Figures",
                table: "Cases",
                columns: new[] { "State", "Outcome", "WaitingOn", "Department", "IntervenerId", "UsedMinutes", "BudgetMinutes", "ApprovedExtensionMinutes", "DomainFlags" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_IntervenerId_StateEnteredAt",
                table: "Cases",
                columns: new[] { "IntervenerId", "StateEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_StateEnteredAt",
                table: "Cases",
                columns: new[] { "State", "StateEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_StateEnteredAt",
                table: "Cases",
                column: "StateEnteredAt");

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
            migrationBuilder.DropIndex(
                name: "IX_Cases_Department_StateEnteredAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Figures",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_IntervenerId_StateEnteredAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_StateEnteredAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_StateEnteredAt",
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
