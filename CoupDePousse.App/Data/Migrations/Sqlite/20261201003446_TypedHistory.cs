using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePousse.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TypedHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Criterion",
                table: "TransitionRecords",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Minutes",
                table: "TransitionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ObjectivesRevision",
                table: "TransitionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ObjectivesShared",
                table: "TransitionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Validated",
                table: "TransitionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Cases",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            // The old labels become typed values; the labels came only from the domain, so their formats are known.
            migrationBuilder.Sql(ReasonsToDetails);
            migrationBuilder.Sql(CancellationReasonsToCases);

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "TransitionRecords");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "TransitionRecords",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.Sql(DetailsToReasons);
            migrationBuilder.Sql(CancellationReasonsToHistory);

            migrationBuilder.DropColumn(
                name: "Criterion",
                table: "TransitionRecords");

            migrationBuilder.DropColumn(
                name: "Minutes",
                table: "TransitionRecords");

            migrationBuilder.DropColumn(
                name: "ObjectivesRevision",
                table: "TransitionRecords");

            migrationBuilder.DropColumn(
                name: "ObjectivesShared",
                table: "TransitionRecords");

            migrationBuilder.DropColumn(
                name: "Validated",
                table: "TransitionRecords");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "Cases");
        }

        // Criteria are stored by name (AppDbContext.ConfigureConventions); the old label held their number.
        private const string ReasonsToDetails = """
            UPDATE "TransitionRecords"
            SET "Criterion" = CASE substr("Reason", 1, instr("Reason", ':') - 1) WHEN '1' THEN 'FitsShortFormat' WHEN '2' THEN 'AffectsWork' WHEN '3' THEN 'FullyAccepted' WHEN '4' THEN 'RealisticObjectives' WHEN '5' THEN 'PersonInvolved' WHEN '6' THEN 'ImprovementInProspect' WHEN '7' THEN 'TimelyAvailability' END,
                "Validated" = (substr("Reason", instr("Reason", ':') + 1) = 'validated')
            WHERE "Trigger" = 'RecordVerdict' AND "Reason" GLOB '[1-7]:*';

            UPDATE "TransitionRecords" SET "ObjectivesRevision" = CAST(substr("Reason", 10) AS INTEGER)
            WHERE "Trigger" = 'SetObjectives' AND "Reason" GLOB 'revision [0-9]*';

            UPDATE "TransitionRecords" SET "ObjectivesShared" = ("Reason" = 'shared')
            WHERE "Trigger" = 'ShareObjectives' AND "Reason" IN ('shared', 'not shared');

            UPDATE "TransitionRecords" SET "Minutes" = CASE
                WHEN "Reason" GLOB '[0-9]* min' THEN CAST(substr("Reason", 1, length("Reason") - 4) AS INTEGER)
                WHEN "Reason" GLOB '[0-9]* h [0-9][0-9]' THEN CAST(substr("Reason", 1, instr("Reason", ' h ') - 1) AS INTEGER) * 60
                    + CAST(substr("Reason", instr("Reason", ' h ') + 3) AS INTEGER)
                WHEN "Reason" GLOB '[0-9]* h' THEN CAST(substr("Reason", 1, length("Reason") - 2) AS INTEGER) * 60
            END
            WHERE "Trigger" IN ('LogSession', 'RequestExtension', 'ApproveExtension', 'RejectExtension', 'SetBudget');
            """;

        private const string CancellationReasonsToCases = """
            UPDATE "Cases" SET "CancellationReason" = (
                SELECT t."Reason" FROM "TransitionRecords" t
                WHERE t."CaseId" = "Cases"."Id" AND t."Trigger" = 'Cancel' AND t."Reason" IS NOT NULL
                ORDER BY t."Id" DESC LIMIT 1)
            WHERE "State" = 'Cancelled';
            """;

        // Durations written back as Durations.Format wrote them: "45 min", "6 h", "1 h 30".
        private const string DetailsToReasons = """
            UPDATE "TransitionRecords" SET "Reason" = CASE
                WHEN "Criterion" IS NOT NULL THEN (CASE "Criterion" WHEN 'FitsShortFormat' THEN '1' WHEN 'AffectsWork' THEN '2' WHEN 'FullyAccepted' THEN '3' WHEN 'RealisticObjectives' THEN '4' WHEN 'PersonInvolved' THEN '5' WHEN 'ImprovementInProspect' THEN '6' WHEN 'TimelyAvailability' THEN '7' END)
                    || ':' || (CASE WHEN "Validated" THEN 'validated' ELSE 'refused' END)
                WHEN "ObjectivesRevision" IS NOT NULL THEN 'revision ' || "ObjectivesRevision"
                WHEN "ObjectivesShared" IS NOT NULL THEN CASE WHEN "ObjectivesShared" THEN 'shared' ELSE 'not shared' END
                WHEN "Minutes" < 60 THEN "Minutes" || ' min'
                WHEN "Minutes" % 60 = 0 THEN ("Minutes" / 60) || ' h'
                WHEN "Minutes" IS NOT NULL THEN ("Minutes" / 60) || ' h ' || substr('0' || ("Minutes" % 60), -2)
            END;
            """;

        private const string CancellationReasonsToHistory = """
            UPDATE "TransitionRecords" SET "Reason" = (
                SELECT c."CancellationReason" FROM "Cases" c WHERE c."Id" = "TransitionRecords"."CaseId")
            WHERE "Trigger" = 'Cancel';
            """;
    }
}
