package nudge

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseHours reads working hours written "09:00-17:30" (24-hour clock;
// "24:00" is the end of the day).
func ParseHours(s string) (start, end int, err error) {
	from, to, ok := strings.Cut(strings.TrimSpace(s), "-")
	if ok {
		start, err = parseClock(from)
	}
	if ok && err == nil {
		end, err = parseClock(to)
	}
	if !ok || err != nil {
		return 0, 0, fmt.Errorf("%q is not working hours like 09:00-17:30", s)
	}
	if start >= end {
		return 0, 0, fmt.Errorf("working hours %q must start before they end, within one day", s)
	}
	return start, end, nil
}

// parseClock reads "9:00" or "09:00" as minutes after midnight.
func parseClock(s string) (int, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || hh < 0 || mm < 0 || mm > 59 || hh > 24 || hh == 24 && mm > 0 {
		return 0, fmt.Errorf("bad time %q", s)
	}
	return hh*60 + mm, nil
}

var dayNames = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// ParseDays reads working days: names or ranges of English day names,
// separated by commas: "mon-fri", "mon,tue,thu", "sun-thu". A range may
// wrap past Saturday ("fri-mon").
func ParseDays(s string) ([7]bool, error) {
	var days [7]bool
	for part := range strings.SplitSeq(s, ",") {
		from, to, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, okA := dayIndex(from)
		b, okB := a, okA
		if isRange {
			b, okB = dayIndex(to)
		}
		if !okA || !okB {
			return days, fmt.Errorf("%q is not working days like mon-fri or mon,wed,fri", s)
		}
		for d := a; ; d = (d + 1) % 7 {
			days[d] = true
			if d == b {
				break
			}
		}
	}
	return days, nil
}

// dayIndex reads a day's name: its first three letters or more of it.
func dayIndex(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 3 {
		return 0, false
	}
	for i, n := range dayNames {
		if strings.HasPrefix(s, n) && strings.HasPrefix(strings.ToLower(time.Weekday(i).String()), s) {
			return i, true
		}
	}
	return 0, false
}

// DaysString writes working days the way ParseDays reads them, with
// runs of three or more days as a range: "mon-fri", "mon,wed,fri".
func DaysString(days [7]bool) string {
	var parts []string
	for i := 0; i < 7; {
		if !days[i] {
			i++
			continue
		}
		j := i
		for j+1 < 7 && days[j+1] {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, dayNames[i]+"-"+dayNames[j])
		case j > i:
			parts = append(parts, dayNames[i], dayNames[j])
		default:
			parts = append(parts, dayNames[i])
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// ParseLength reads a length of time such as "45m", "1h30m" or "90s",
// in whole seconds.
func ParseLength(s string) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil || d%time.Second != 0 || d < 0 {
		return 0, fmt.Errorf("%q is not a length of time like 45m or 1h30m", s)
	}
	return d, nil
}
