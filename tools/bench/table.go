package bench

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Table is one Markdown table of a report, as WriteColdStart and WriteRelay
// print it and ParseTables reads it back.
type Table struct {
	// Title is the text of the "## " (or deeper) heading above the table;
	// "" when the table has none.
	Title string
	// Columns are the header cells.
	Columns []string
	// Rows are the body rows, each with one cell per column.
	Rows [][]string
}

// Row returns the first row whose first cell starts with prefix.
func (t Table) Row(prefix string) ([]string, bool) {
	for _, r := range t.Rows {
		if len(r) > 0 && strings.HasPrefix(r[0], prefix) {
			return r, true
		}
	}
	return nil, false
}

// Column returns the index of the column named name, or -1.
func (t Table) Column(name string) int {
	for i, c := range t.Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// write prints the table with its heading, cells padded so the columns line
// up in a terminal too.
func (t Table) write(w io.Writer) error {
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = utf8.RuneCountInString(c)
	}
	for _, r := range t.Rows {
		for i := range min(len(r), len(widths)) {
			widths[i] = max(widths[i], utf8.RuneCountInString(r[i]))
		}
	}
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "## %s\n\n", t.Title)
	}
	writeRow(&b, t.Columns, widths)
	sep := make([]string, len(widths))
	for i, n := range widths {
		sep[i] = strings.Repeat("-", max(n, 3))
	}
	writeRow(&b, sep, widths)
	for _, r := range t.Rows {
		writeRow(&b, r, widths)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeRow(b *strings.Builder, cells []string, widths []int) {
	b.WriteString("|")
	for i, n := range widths {
		c := ""
		if i < len(cells) {
			c = cells[i]
		}
		fmt.Fprintf(b, " %s%s |", c, strings.Repeat(" ", max(n-utf8.RuneCountInString(c), 0)))
	}
	b.WriteString("\n")
}

// ParseTables reads every Markdown table in r: a header row, a separator row
// of dashes, then body rows, each line starting with "|". Each table takes
// the title of the nearest heading above it. Text between tables is
// skipped, so the whole output of a bench command can be given.
func ParseTables(r io.Reader) ([]Table, error) {
	var (
		tables []Table
		cur    *Table
		title  string
		line   int
	)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(text, "|") {
			cur = nil
			if strings.HasPrefix(text, "#") {
				title = strings.TrimSpace(strings.TrimLeft(text, "#"))
			}
			continue
		}
		cells := splitRow(text)
		switch {
		case cur == nil:
			tables = append(tables, Table{Title: title, Columns: cells})
			cur = &tables[len(tables)-1]
			title = ""
		case cur.Rows == nil && isSeparator(cells):
			cur.Rows = [][]string{}
		case cur.Rows == nil:
			return nil, fmt.Errorf("parse tables: line %d: header row not followed by a separator row", line)
		case len(cells) != len(cur.Columns):
			return nil, fmt.Errorf("parse tables: line %d: %d cells, the header has %d", line, len(cells), len(cur.Columns))
		default:
			cur.Rows = append(cur.Rows, cells)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("parse tables: %w", err)
	}
	return tables, nil
}

func splitRow(text string) []string {
	text = strings.TrimSuffix(strings.TrimPrefix(text, "|"), "|")
	cells := strings.Split(text, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

func isSeparator(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-: ") != "" || !strings.Contains(c, "-") {
			return false
		}
	}
	return true
}
