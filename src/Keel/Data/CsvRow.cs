using System.Text;

namespace Keel.Data;

/// <summary>Splits one CSV line into cells (RFC 4180 quoting within a line; cells trimmed).</summary>
internal static class CsvRow
{
    public static List<string> Split(string line, string file, int lineNumber)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') cell.Append(line[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else cell.Append(c);
        }
        if (quoted) throw new FormatException($"{file} line {lineNumber}: a quoted cell is not closed (cells may not span lines)");
        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
