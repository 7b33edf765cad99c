package bench

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

// Row labels of the package initialisation table.
const (
	RowInitTotal = "all packages"
	RowInitAlike = "packages alike in both"
)

// initTable lays out the package initialisation of ours against the
// floor's: the totals, then every package that only one binary
// initialises or whose allocations differ, the largest difference in bytes
// first, then one row for the packages that allocate the same in both.
func initTable(c InitComparison) Table {
	ours, floor := indexInit(c.Ours), indexInit(c.Floor)
	var differ []string
	var alikeOurs, alikeFloor PackageInit
	alike := 0
	for _, p := range c.Ours.Packages {
		f, ok := floor[p.Package]
		if ok && f.Bytes == p.Bytes && f.Allocs == p.Allocs {
			alike++
			alikeOurs, alikeFloor = addInit(alikeOurs, p), addInit(alikeFloor, f)
			continue
		}
		differ = append(differ, p.Package)
	}
	for _, p := range c.Floor.Packages {
		if _, ok := ours[p.Package]; !ok {
			differ = append(differ, p.Package)
		}
	}
	slices.SortStableFunc(differ, func(a, b string) int {
		return cmp.Or(
			cmp.Compare(ours[b].Bytes-floor[b].Bytes, ours[a].Bytes-floor[a].Bytes),
			cmp.Compare(a, b))
	})
	rows := [][]string{initRow(fmt.Sprintf("%s (%d ours, %d floor)", RowInitTotal, len(c.Ours.Packages), len(c.Floor.Packages)),
		&c.Ours.Total, &c.Floor.Total)}
	for _, name := range differ {
		o, inOurs := ours[name]
		f, inFloor := floor[name]
		rows = append(rows, initRow(name, presentInit(o, inOurs), presentInit(f, inFloor)))
	}
	rows = append(rows, initRow(fmt.Sprintf("%d %s (sums)", alike, RowInitAlike), &alikeOurs, &alikeFloor))
	return Table{
		Title: fmt.Sprintf("package initialisation (GODEBUG=inittrace=1, median of %d processes each)", c.Ours.Runs),
		Columns: []string{"package", "ours ms", "ours bytes", "ours allocs",
			"floor ms", "floor bytes", "floor allocs"},
		Rows: rows,
	}
}

// initRow is one line of the table; a nil side has no such package.
func initRow(label string, ours, floor *PackageInit) []string {
	row := []string{label}
	for _, p := range []*PackageInit{ours, floor} {
		if p == nil {
			row = append(row, notApplicable, notApplicable, notApplicable)
			continue
		}
		row = append(row, strconv.FormatFloat(p.ClockMS, 'f', 3, 64),
			strconv.FormatInt(p.Bytes, 10), strconv.FormatInt(p.Allocs, 10))
	}
	return row
}

func indexInit(t InitTrace) map[string]PackageInit {
	m := make(map[string]PackageInit, len(t.Packages))
	for _, p := range t.Packages {
		m[p.Package] = p
	}
	return m
}

func presentInit(p PackageInit, ok bool) *PackageInit {
	if !ok {
		return nil
	}
	return &p
}

func addInit(sum, p PackageInit) PackageInit {
	sum.ClockMS = round3(sum.ClockMS + p.ClockMS)
	sum.Bytes += p.Bytes
	sum.Allocs += p.Allocs
	return sum
}
