using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BeforeAfterMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ClosingScore",
                table: "Objectives",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StartingScore",
                table: "Objectives",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeasuredObjectives",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SatisfactionComment",
                table: "Cases",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SatisfactionScore",
                table: "Cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScoreChange",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MeasuredCases",
                table: "CaseCounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MeasuredObjectives",
                table: "CaseCounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Recommending",
                table: "CaseCounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SatisfactionAnswers",
                table: "CaseCounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SatisfactionTotal",
                table: "CaseCounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ScoreChange",
                table: "CaseCounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosingScore",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "StartingScore",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "MeasuredObjectives",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SatisfactionComment",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SatisfactionScore",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ScoreChange",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "MeasuredCases",
                table: "CaseCounts");

            migrationBuilder.DropColumn(
                name: "MeasuredObjectives",
                table: "CaseCounts");

            migrationBuilder.DropColumn(
                name: "Recommending",
                table: "CaseCounts");

            migrationBuilder.DropColumn(
                name: "SatisfactionAnswers",
                table: "CaseCounts");

            migrationBuilder.DropColumn(
                name: "SatisfactionTotal",
                table: "CaseCounts");

            migrationBuilder.DropColumn(
                name: "ScoreChange",
                table: "CaseCounts");
        }
    }
}
