using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Report",
                table: "Cases");

            migrationBuilder.AddColumn<int>(
                name: "ExtensionsApproved",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionsRequested",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstSessionDate",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InterviewedOn",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NotReachedObjectives",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RatedObjectives",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReachedObjectives",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Report",
                table: "Cases",
                columns: new[] { "ProposedAt", "State", "Outcome", "Department", "DomainFlags", "UsedMinutes", "BudgetMinutes", "ApprovedExtensionMinutes", "MeasuredObjectives", "ScoreChange", "SatisfactionScore", "InterviewedOn", "FirstSessionDate", "ExtensionsRequested", "ExtensionsApproved", "RatedObjectives", "ReachedObjectives", "NotReachedObjectives", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Report",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionsApproved",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ExtensionsRequested",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FirstSessionDate",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "InterviewedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "NotReachedObjectives",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RatedObjectives",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReachedObjectives",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Report",
                table: "Cases",
                columns: new[] { "ProposedAt", "State", "Outcome", "Department", "DomainFlags", "UsedMinutes", "BudgetMinutes", "ApprovedExtensionMinutes", "MeasuredObjectives", "ScoreChange", "SatisfactionScore", "Id" });
        }
    }
}
