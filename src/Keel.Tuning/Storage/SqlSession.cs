using System.Data.Common;

namespace Keel.Tuning.Storage;

/// <summary>A connection and its transaction, with one-line helpers for parameterized statements.</summary>
internal readonly record struct SqlSession(DbConnection Connection, DbTransaction Transaction)
{
    public int Execute(string sql, params (string Name, object? Value)[] args)
    {
        using var command = Command(sql, args);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] args)
    {
        using var command = Command(sql, args);
        object? value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query; disposing the reader ends it (the small command object is left to the collector).</summary>
    public DbDataReader Query(string sql, params (string Name, object? Value)[] args) =>
        Command(sql, args).ExecuteReader();

    private DbCommand Command(string sql, (string Name, object? Value)[] args)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
