using System.Text;

namespace LiveCasino.Payments.Reconciliation;

/// <summary>
/// Reads RFC 4180 records one at a time, with the physical line each starts on. Strict: a quote
/// inside an unquoted field, text after a closing quote, an unterminated quote, or a field longer
/// than <see cref="FieldLengthMax"/> is an error naming its line.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    public const int FieldLengthMax = 1024;

    private int _line = 1;

    /// <summary>The next record, or null at end of input; <paramref name="startLine"/> is where it began.</summary>
    public List<string>? Next(out int startLine)
    {
        startLine = _line;
        if (reader.Peek() < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            var c = reader.Read();
            if (quoted)
            {
                if (c < 0)
                {
                    throw Error(startLine, "unterminated quoted field");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        Append(field, '"', startLine);
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    Append(field, (char)c, startLine);
                }

                continue;
            }

            if (c is < 0 or '\n' or '\r' or ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                afterQuote = false;
                if (c == ',')
                {
                    continue;
                }

                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (c >= 0)
                {
                    _line++;
                }

                return fields;
            }

            if (afterQuote)
            {
                throw Error(_line, $"unexpected '{(char)c}' after a closing quote (field {fields.Count + 1})");
            }

            if (c == '"')
            {
                if (field.Length > 0)
                {
                    throw Error(_line, $"quote inside an unquoted field (field {fields.Count + 1})");
                }

                quoted = true;
                continue;
            }

            Append(field, (char)c, startLine);
        }
    }

    private void Append(StringBuilder field, char c, int startLine)
    {
        if (field.Length >= FieldLengthMax)
        {
            throw Error(startLine, $"a field is longer than {FieldLengthMax} characters");
        }

        field.Append(c);
    }

    private static SettlementReportFormatException Error(int line, string message) =>
        new([new SettlementReportError(line, message)]);
}
