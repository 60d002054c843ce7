using System.Buffers;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CoupDePousse.App.Data.Generation;

/// <summary>
/// SQLite rows exactly as the app's EF model stores its entities: tables and columns, value converters (the encryption
/// of confidential text among them), owned columns, JSON columns, complex properties and the keys children take from
/// their parent all come from the model, and values are stored as Microsoft.Data.Sqlite binds them. Only EF's change
/// tracker and one-command-per-row pipeline are left out, so that generating a large population stays fast.
/// Converting (<see cref="Add"/>) is thread-safe, so that encryption runs on every core; inserting is not.
/// </summary>
internal sealed class ModelRows
{
    private readonly Dictionary<Type, TablePlan> _roots = [];
    private readonly List<TablePlan> _tables = [];

    /// <summary>Plans the tables of these entity types and of the collections they own, parents before children.</summary>
    public ModelRows(IModel model, IEnumerable<Type> rootTypes)
    {
        foreach (var type in rootTypes)
        {
            var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            _roots[type] = Plan(entityType, parent: null);
        }
    }

    public int TableCount => _tables.Count;

    public RowBatch NewBatch() => new(_tables.Count);

    /// <summary>Converts an entity and every child it holds to rows of stored values.</summary>
    public void Add(RowBatch batch, object entity) => _roots[entity.GetType()].Add(batch, entity, parentKey: null);

    /// <summary>Prepared inserts for each table, on one open connection.</summary>
    public Inserter CreateInserter(SqliteConnection connection, ISqlGenerationHelper sql) => Inserter.Create(_tables, connection, sql);

    private TablePlan Plan(IEntityType entityType, IEntityType? parent)
    {
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no table.");
        var storeObject = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = new List<ColumnPlan>();

        foreach (var property in entityType.GetProperties())
        {
            // Keys the database numbers itself: left out, so that it numbers them in the order of the rows.
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(int))
            {
                continue;
            }

            Func<object, object?[]?, object?> read;
            if (property.IsShadowProperty())
            {
                var foreignKey = entityType.GetForeignKeys().SingleOrDefault(fk => fk.Properties.Contains(property) && fk.PrincipalEntityType == parent)
                    ?? throw new NotSupportedException($"{entityType.DisplayName()}.{property.Name}: only the key of the parent is supported as a shadow property.");
                var position = foreignKey.Properties.ToList().IndexOf(property);
                read = (_, parentKey) => parentKey![position];
            }
            else
            {
                var getter = Getter(property);
                read = (entity, _) => getter(entity);
            }

            columns.Add(Column(property, property.GetColumnName(storeObject)!, read));
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            var complexGetter = Getter(complex);
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = Getter(property);
                columns.Add(Column(property, property.GetColumnName(storeObject)!, (entity, _) => complexGetter(entity) is { } value ? getter(value) : null));
            }
        }

        var collections = new List<INavigation>();
        foreach (var navigation in entityType.GetNavigations())
        {
            var target = navigation.TargetEntityType;
            var navigationGetter = Getter(navigation);
            if (target.IsOwned() && target.IsMappedToJson())
            {
                columns.Add(JsonColumn(target, storeObject, navigationGetter));
            }
            else if (target.IsOwned() && !navigation.IsCollection)
            {
                // Owned in the same table: its own columns, empty when the owned value is absent; its key is the owner's.
                foreach (var property in target.GetProperties().Where(p => !p.IsPrimaryKey()))
                {
                    var getter = Getter(property);
                    columns.Add(Column(property, property.GetColumnName(storeObject)!, (entity, _) => navigationGetter(entity) is { } owned ? getter(owned) : null));
                }
            }
            else if (navigation.IsCollection && !target.IsOwned() && navigation.ForeignKey.PrincipalEntityType == entityType)
            {
                collections.Add(navigation);
            }
            else
            {
                throw new NotSupportedException($"{entityType.DisplayName()}.{navigation.Name} is a kind of navigation these rows do not write.");
            }
        }

        var keyGetters = entityType.FindPrimaryKey()!.Properties.Select(Getter).ToArray();
        var plan = new TablePlan(_tables.Count, table, columns, keyGetters);
        _tables.Add(plan);
        foreach (var navigation in collections)
        {
            plan.Children.Add((Getter(navigation), Plan(navigation.TargetEntityType, entityType)));
        }

        return plan;
    }

    private static ColumnPlan Column(IProperty property, string name, Func<object, object?[]?, object?> read)
    {
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var converter = mapping.Converter;
        return Stored(name, mapping, converter is null ? read : (entity, parentKey) => read(entity, parentKey) is { } value ? converter.ConvertToProvider(value) : null);
    }

    /// <summary>
    /// The column's provider value as SQLite stores it: the type Microsoft.Data.Sqlite binds a parameter of this mapping as,
    /// and the same conversion of that value (so a Guid is upper-case text, a date is yyyy-MM-dd, a flag is 0 or 1).
    /// </summary>
    private static ColumnPlan Stored(string name, RelationalTypeMapping mapping, Func<object, object?[]?, object?> read)
    {
        // A parameter of a sample value says how Microsoft.Data.Sqlite binds this column.
        var modelType = Nullable.GetUnderlyingType(mapping.ClrType) ?? mapping.ClrType;
        using var command = new SqliteCommand();
        var sample = modelType == typeof(string) ? "" : modelType.IsValueType ? Activator.CreateInstance(modelType) : null;
        var storeType = ((SqliteParameter)mapping.CreateParameter(command, "@p", sample, nullable: true)).SqliteType;
        return new ColumnPlan(name, (entity, parentKey) => ToSqlite(read(entity, parentKey), storeType));
    }

    private static object? ToSqlite(object? value, SqliteType storeType) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? 1L : 0L,
        int number => (long)number,
        long number => number,
        short number => (long)number,
        byte number => (long)number,
        double number => number,
        float number => (double)number,
        byte[] bytes => bytes,
        Guid id when storeType == SqliteType.Blob => id.ToByteArray(),
        Guid id => id.ToString().ToUpperInvariant(),
        DateOnly date when storeType == SqliteType.Text => date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"No SQLite value for a {value.GetType().Name} stored as {storeType}."),
    };

    // A collection stored as one JSON column: each element's properties written by their own JSON writers (which convert and encrypt).
    private static ColumnPlan JsonColumn(IEntityType target, StoreObjectIdentifier storeObject, Func<object, object?> navigationGetter)
    {
        var properties = target.GetProperties()
            .Where(p => !p.IsShadowProperty() && !p.IsKey())
            .Select(p => (Name: JsonEncodedText.Encode(p.GetJsonPropertyName()!), Getter: Getter(p),
                Writer: p.GetJsonValueReaderWriter() ?? p.GetTypeMapping().JsonValueReaderWriter
                    ?? throw new NotSupportedException($"{target.DisplayName()}.{p.Name} has no JSON writer.")))
            .ToArray();
        var name = target.GetContainerColumnName()!;
        var column = target.Model.GetRelationalModel().FindTable(storeObject.Name, storeObject.Schema)!.FindColumn(name)!;
        return Stored(name, column.StoreTypeMapping, (entity, _) =>
        {
            if (navigationGetter(entity) is not System.Collections.IEnumerable items)
            {
                return null;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    writer.WriteStartObject();
                    foreach (var (name, getter, jsonWriter) in properties)
                    {
                        writer.WritePropertyName(name);
                        if (getter(item) is { } value)
                        {
                            jsonWriter.ToJson(writer, value);
                        }
                        else
                        {
                            writer.WriteNullValue();
                        }
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        });
    }

    // A compiled getter of the CLR member behind a property or navigation.
    private static Func<object, object?> Getter(IPropertyBase property)
    {
        var member = (MemberInfo?)property.PropertyInfo ?? property.FieldInfo
            ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} has no CLR member.");
        var instance = Expression.Parameter(typeof(object));
        var access = Expression.MakeMemberAccess(Expression.Convert(instance, member.DeclaringType!), member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), instance).Compile();
    }

    internal sealed record ColumnPlan(string Name, Func<object, object?[]?, object?> Read);

    internal sealed class TablePlan(int index, string name, List<ColumnPlan> columns, Func<object, object?>[] keyGetters)
    {
        public int Index { get; } = index;

        public string Name { get; } = name;

        public IReadOnlyList<ColumnPlan> Columns { get; } = columns;

        /// <summary>The collections of the entity stored in tables of their own, with the plan of their rows.</summary>
        public List<(Func<object, object?> Items, TablePlan Plan)> Children { get; } = [];

        public void Add(RowBatch batch, object entity, object?[]? parentKey)
        {
            var row = new object?[Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Columns[i].Read(entity, parentKey);
            }

            batch.Rows[Index].Add(row);
            if (Children.Count == 0)
            {
                return;
            }

            var key = Array.ConvertAll(keyGetters, getter => getter(entity));
            foreach (var (items, plan) in Children)
            {
                foreach (var child in (System.Collections.IEnumerable)items(entity)!)
                {
                    plan.Add(batch, child, key);
                }
            }
        }
    }

    /// <summary>Rows converted and waiting to be inserted, one list per table.</summary>
    internal sealed class RowBatch(int tables)
    {
        public List<object?[]>[] Rows { get; } = Enumerable.Range(0, tables).Select(_ => new List<object?[]>()).ToArray();

        public int Count => Rows.Sum(r => r.Count);
    }

    /// <summary>One prepared statement per table on one connection; each batch in one transaction, parents first.</summary>
    internal sealed class Inserter : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt[] _statements;

        private Inserter(IReadOnlyList<TablePlan> tables, SqliteConnection connection, ISqlGenerationHelper sql)
        {
            _connection = connection;
            _statements = tables.Select(table =>
            {
                var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name)} ({string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
                    $"VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))})";
                Check(raw.sqlite3_prepare_v2(connection.Handle, text, out var statement));
                return statement;
            }).ToArray();
        }

        internal static Inserter Create(IReadOnlyList<TablePlan> tables, SqliteConnection connection, ISqlGenerationHelper sql) => new(tables, connection, sql);

        public void Insert(RowBatch batch)
        {
            using var transaction = _connection.BeginTransaction();
            for (var table = 0; table < _statements.Length; table++)
            {
                var statement = _statements[table];
                foreach (var row in batch.Rows[table])
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        Check(row[i] switch
                        {
                            null => raw.sqlite3_bind_null(statement, i + 1),
                            string text => raw.sqlite3_bind_text(statement, i + 1, text),
                            long number => raw.sqlite3_bind_int64(statement, i + 1, number),
                            double number => raw.sqlite3_bind_double(statement, i + 1, number),
                            byte[] bytes => raw.sqlite3_bind_blob(statement, i + 1, bytes),
                            var other => throw new NotSupportedException($"Cannot bind a {other.GetType().Name}."),
                        });
                    }

                    var done = raw.sqlite3_step(statement);
                    raw.sqlite3_reset(statement);
                    if (done != raw.SQLITE_DONE)
                    {
                        Check(done);
                    }
                }
            }

            transaction.Commit();
        }

        private void Check(int code)
        {
            if (code != raw.SQLITE_OK)
            {
                throw new SqliteException($"SQLite error {code}: {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", code);
            }
        }

        public void Dispose()
        {
            foreach (var statement in _statements)
            {
                statement.Dispose();
            }
        }
    }
}
