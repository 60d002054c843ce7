using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JobsAndThresholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Missed",
                table: "Sessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MissedMeetingConsumesBudget",
                table: "BudgetSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "NudgeDays",
                table: "BudgetSettings",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "StalledAcceptedDays",
                table: "BudgetSettings",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<int>(
                name: "StalledInSessionsDays",
                table: "BudgetSettings",
                type: "integer",
                nullable: false,
                defaultValue: 21);

            migrationBuilder.AddColumn<int>(
                name: "StalledObjectivesSetDays",
                table: "BudgetSettings",
                type: "integer",
                nullable: false,
                defaultValue: 14);

            migrationBuilder.AddColumn<int>(
                name: "StalledPreliminaryInterviewDays",
                table: "BudgetSettings",
                type: "integer",
                nullable: false,
                defaultValue: 14);

            migrationBuilder.AddColumn<int>(
                name: "StalledProposedDays",
                table: "BudgetSettings",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "StalledUnderDiscussionDays",
                table: "BudgetSettings",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_StartsAt",
                table: "Meetings",
                column: "StartsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_StartsAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Missed",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "MissedMeetingConsumesBudget",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "NudgeDays",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "StalledAcceptedDays",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "StalledInSessionsDays",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "StalledObjectivesSetDays",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "StalledPreliminaryInterviewDays",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "StalledProposedDays",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "StalledUnderDiscussionDays",
                table: "BudgetSettings");
        }
    }
}
