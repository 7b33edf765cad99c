package bench

import (
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestParseTables(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Table
		wantErr bool
	}{
		{
			name: "two tables, their headings and text around them",
			in: "# report\n\nsome text\n\n## first\n\n| a | b |\n|---|:--:|\n| 1 | x y |\n\nfree text | with a pipe\n" +
				"## second\n| c |\n| - |\n",
			want: []Table{
				{Title: "first", Columns: []string{"a", "b"}, Rows: [][]string{{"1", "x y"}}},
				{Title: "second", Columns: []string{"c"}, Rows: [][]string{}},
			},
		},
		{
			name: "a table without a heading",
			in:   "| a |\n|---|\n| 1 |\n",
			want: []Table{{Columns: []string{"a"}, Rows: [][]string{{"1"}}}},
		},
		{name: "no separator", in: "| a |\n| 1 |\n", wantErr: true},
		{name: "a short row", in: "| a | b |\n|---|---|\n| 1 |\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTables(strings.NewReader(tt.in))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("no error, tables %+v", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !equalTables(got, tt.want) {
				t.Errorf("tables = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestTableLookups(t *testing.T) {
	tb := Table{Columns: []string{"metric", "ours"}, Rows: [][]string{{"exec → first /next, ms", "1"}, {"warm relay p50", "2"}}}
	tests := []struct {
		name, prefix string
		found        bool
		value        string
	}{
		{"prefix", RowReady, true, "1"},
		{"whole", "warm relay p50", true, "2"},
		{"missing", "nothing", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row, ok := tb.Row(tt.prefix)
			if ok != tt.found || (ok && row[tb.Column("ours")] != tt.value) {
				t.Errorf("Row(%q) = %q, %v", tt.prefix, row, ok)
			}
		})
	}
	if tb.Column("floor") != -1 {
		t.Error("Column found a column that does not exist")
	}
}

// TestTableRoundTrip: any table of cells without pipes or line breaks reads
// back as written.
func TestTableRoundTrip(t *testing.T) {
	cell := rapid.Map(rapid.StringMatching(`[a-zA-Z0-9 .,/→–≤:()-]{0,12}`), strings.TrimSpace)
	rapid.Check(t, func(t *rapid.T) {
		cols := rapid.IntRange(1, 5).Draw(t, "columns")
		header := rapid.SliceOfN(cell.Filter(func(s string) bool { return s != "" && strings.Trim(s, "-: ") != "" }), cols, cols).Draw(t, "header")
		rows := rapid.SliceOfN(rapid.SliceOfN(cell, cols, cols), 0, 6).Draw(t, "rows")
		title := rapid.StringMatching(`[a-z][a-z ]{0,10}[a-z]`).Draw(t, "title")
		in := Table{Title: title, Columns: header, Rows: rows}
		var b strings.Builder
		if err := in.write(&b); err != nil {
			t.Fatal(err)
		}
		got, err := ParseTables(strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("%v in:\n%s", err, b.String())
		}
		if in.Rows == nil {
			in.Rows = [][]string{}
		}
		if !equalTables(got, []Table{in}) {
			t.Fatalf("read back %+v, wrote %+v:\n%s", got, in, b.String())
		}
	})
}

func equalTables(a, b []Table) bool {
	return slices.EqualFunc(a, b, func(x, y Table) bool {
		return x.Title == y.Title && slices.Equal(x.Columns, y.Columns) &&
			slices.EqualFunc(x.Rows, y.Rows, func(r, s []string) bool { return slices.Equal(r, s) })
	})
}
