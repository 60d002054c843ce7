using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ThreeWayAgreement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgreementVersion",
                table: "TransitionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgreementAwaitingParties",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CodeOfEthics",
                table: "BudgetSettings",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfidentialityExceptionsEnglish",
                table: "BudgetSettings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfidentialityExceptionsFrench",
                table: "BudgetSettings",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreementAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementAcceptances_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnUpAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    IntervenerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Domains = table.Column<string>(type: "TEXT", nullable: false),
                    TopicCodes = table.Column<string>(type: "TEXT", nullable: false),
                    ConfidentialityExceptionsFrench = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ConfidentialityExceptionsEnglish = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CodeOfEthics = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementVersions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAcceptances_CaseId",
                table: "AgreementAcceptances",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_CaseId",
                table: "AgreementVersions",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementAcceptances");

            migrationBuilder.DropTable(
                name: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "AgreementVersion",
                table: "TransitionRecords");

            migrationBuilder.DropColumn(
                name: "AgreementAwaitingParties",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CodeOfEthics",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "ConfidentialityExceptionsEnglish",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "ConfidentialityExceptionsFrench",
                table: "BudgetSettings");
        }
    }
}
