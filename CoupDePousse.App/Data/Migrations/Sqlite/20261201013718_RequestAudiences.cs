using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Sqlite
{
    /// <summary>
    /// The request gets its company part (WorkImpact; empty for existing cases, shown as "not given"), and Description keeps the
    /// situation, now confidential. An extension's free reason becomes its comment, with the category Other.
    /// </summary>
    public partial class RequestAudiences : Migration
    {
        private const string ReasonsToComments = """
            UPDATE "BudgetExtensions" SET "Comment" = "Reason", "Category" = 'Other'
            """;

        private const string CommentsToReasons = """
            UPDATE "BudgetExtensions" SET "Reason" = COALESCE("Comment", "Category")
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WorkImpact",
                table: "Cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "BudgetExtensions",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "BudgetExtensions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.Sql(ReasonsToComments);

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "BudgetExtensions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "BudgetExtensions",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(CommentsToReasons);

            migrationBuilder.DropColumn(
                name: "Category",
                table: "BudgetExtensions");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "BudgetExtensions");

            migrationBuilder.DropColumn(
                name: "WorkImpact",
                table: "Cases");
        }
    }
}
