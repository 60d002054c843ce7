using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EngagementFramework : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgreementVersion",
                table: "TransitionRecords",
                type: "integer",
                nullable: true);

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
                name: "AgreementAwaitingParties",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

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

            migrationBuilder.AddColumn<string>(
                name: "CodeOfEthics",
                table: "BudgetSettings",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfidentialityExceptionsEnglish",
                table: "BudgetSettings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfidentialityExceptionsFrench",
                table: "BudgetSettings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Author = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionItems_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Party = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    DrawnUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BudgetMinutes = table.Column<int>(type: "integer", nullable: false),
                    IntervenerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Domains = table.Column<int[]>(type: "integer[]", nullable: false),
                    TopicCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ConfidentialityExceptionsFrench = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ConfidentialityExceptionsEnglish = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CodeOfEthics = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "LibraryResources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Domain = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TopicCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TitleFrench = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    TitleEnglish = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    SummaryFrench = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SummaryEnglish = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryResources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResourceShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceShares_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResourceShares_LibraryResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LibraryResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_CaseId",
                table: "ActionItems",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAcceptances_CaseId",
                table: "AgreementAcceptances",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_CaseId",
                table: "AgreementVersions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryResources_Domain_IsArchived",
                table: "LibraryResources",
                columns: new[] { "Domain", "IsArchived" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceShares_CaseId_ResourceId",
                table: "ResourceShares",
                columns: new[] { "CaseId", "ResourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceShares_ResourceId",
                table: "ResourceShares",
                column: "ResourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionItems");

            migrationBuilder.DropTable(
                name: "AgreementAcceptances");

            migrationBuilder.DropTable(
                name: "AgreementVersions");

            migrationBuilder.DropTable(
                name: "ResourceShares");

            migrationBuilder.DropTable(
                name: "LibraryResources");

            migrationBuilder.DropColumn(
                name: "AgreementVersion",
                table: "TransitionRecords");

            migrationBuilder.DropColumn(
                name: "ClosingScore",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "StartingScore",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "AgreementAwaitingParties",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ConflictDeclaration",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ConflictDescription",
                table: "Cases");

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
