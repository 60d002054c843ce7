using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoupDePousse.App.Data;

/// <summary>
/// Encrypts the confidential text that a deployment wrote before encryption at rest. Runs at every start after the
/// migrations: a value that does not begin with the Data Protection prefix is plain and gets encrypted, so a second
/// run finds nothing to do. Works on the columns the model marks confidential, through plain SQL (EF could not read
/// a plain value through the converter).
/// </summary>
public static class ConfidentialTextUpgrade
{
    /// <summary>Returns how many values (or JSON documents) it encrypted.</summary>
    public static async Task<int> EncryptPlainTextAsync(AppDbContext context, CancellationToken cancellationToken = default)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var command = new UpgradeCommands(context.Database.GetDbConnection(), transaction.GetDbTransaction());
        var encrypted = 0;
        foreach (var (property, _) in ConfidentialText.Properties(context.Model).ToList())
        {
            var entityType = (IEntityType)property.DeclaringType;
            encrypted += entityType.IsMappedToJson()
                ? await EncryptJsonAsync(command, sql, entityType, property, cancellationToken)
                : await EncryptColumnAsync(command, sql, entityType, property, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return encrypted;
    }

    private static async Task<int> EncryptColumnAsync(UpgradeCommands command, ISqlGenerationHelper sql, IEntityType entityType, IProperty property, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table)
            ?? throw new NotSupportedException($"{entityType.DisplayName()} is not mapped to a table.");
        var keys = entityType.FindPrimaryKey()!.Properties.Select(k => k.GetColumnName(table)!).ToList();
        var column = sql.DelimitIdentifier(property.GetColumnName(table)!);
        var plainRows = await command.ReadAsync(
            $"SELECT {string.Join(", ", keys.Select(k => sql.DelimitIdentifier(k)))}, {column} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"WHERE {column} IS NOT NULL AND substr({column}, 1, {ConfidentialText.PayloadPrefix.Length}) <> '{ConfidentialText.PayloadPrefix}'",
            keys.Count, cancellationToken);

        var converter = property.GetValueConverter()!;
        foreach (var (keyValues, plain) in plainRows)
        {
            await command.UpdateAsync(sql, table, keys, keyValues, column, "@value", converter.ConvertToProvider(plain)!, cancellationToken);
        }

        return plainRows.Count;
    }

    private static async Task<int> EncryptJsonAsync(UpgradeCommands command, ISqlGenerationHelper sql, IEntityType entityType, IProperty property, CancellationToken cancellationToken)
    {
        var owner = entityType.FindOwnership()!.PrincipalEntityType;
        var table = StoreObjectIdentifier.Create(owner, StoreObjectType.Table)
            ?? throw new NotSupportedException($"Confidential JSON is supported directly under a table; {entityType.DisplayName()} is nested deeper.");
        var keys = owner.FindPrimaryKey()!.Properties.Select(k => k.GetColumnName(table)!).ToList();
        var containerColumn = entityType.GetContainerColumnName()!;
        var column = sql.DelimitIdentifier(containerColumn);
        var columnType = entityType.Model.GetRelationalModel().FindTable(table.Name, table.Schema)!.FindColumn(containerColumn)!.StoreType;
        var documents = await command.ReadAsync(
            $"SELECT {string.Join(", ", keys.Select(k => sql.DelimitIdentifier(k)))}, {column} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {column} IS NOT NULL",
            keys.Count, cancellationToken);

        var converter = property.GetValueConverter()!;
        var name = property.GetJsonPropertyName()!;
        var encrypted = 0;
        foreach (var (keyValues, json) in documents)
        {
            var document = JsonNode.Parse(json)!;
            var changed = false;
            foreach (var element in document is JsonArray array ? array.OfType<JsonObject>() : [document.AsObject()])
            {
                if (element[name] is JsonValue value && value.TryGetValue<string>(out var plain) && !ConfidentialText.IsProtected(plain))
                {
                    element[name] = (string)converter.ConvertToProvider(plain)!;
                    changed = true;
                }
            }

            if (changed)
            {
                // The column may be jsonb (PostgreSQL): the text is cast to the column's own type.
                await command.UpdateAsync(sql, table, keys, keyValues, column, $"CAST(@value AS {columnType})", document.ToJsonString(), cancellationToken);
                encrypted++;
            }
        }

        return encrypted;
    }

    private sealed class UpgradeCommands(DbConnection connection, DbTransaction transaction)
    {
        public async Task<List<(object[] Keys, string Value)>> ReadAsync(string select, int keyCount, CancellationToken cancellationToken)
        {
            await using var command = Create(select);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<(object[], string)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var keys = new object[keyCount];
                for (var i = 0; i < keyCount; i++)
                {
                    keys[i] = reader.GetValue(i);
                }

                rows.Add((keys, reader.GetString(keyCount)));
            }

            return rows;
        }

        public async Task UpdateAsync(ISqlGenerationHelper sql, StoreObjectIdentifier table, IReadOnlyList<string> keys, object[] keyValues, string column, string valueExpression, object value, CancellationToken cancellationToken)
        {
            var where = string.Join(" AND ", keys.Select((k, i) => $"{sql.DelimitIdentifier(k)} = @key{i}"));
            await using var command = Create($"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {column} = {valueExpression} WHERE {where}");
            AddParameter(command, "@value", value);
            for (var i = 0; i < keyValues.Length; i++)
            {
                AddParameter(command, $"@key{i}", keyValues[i]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private DbCommand Create(string text)
        {
            var command = connection.CreateCommand();
            command.CommandText = text;
            command.Transaction = transaction;
            return command;
        }

        private static void AddParameter(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
