using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConflictDeclaration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Cases stored before the declaration existed have none: NotDeclared, the enum's name as the column stores it.
            migrationBuilder.AddColumn<string>(
                name: "ConflictDeclaration",
                table: "Cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "NotDeclared");

            migrationBuilder.AddColumn<string>(
                name: "ConflictDescription",
                table: "Cases",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConflictDeclaration",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ConflictDescription",
                table: "Cases");
        }
    }
}
