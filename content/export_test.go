package content

// WriteSizedPacks is writeSizedPacks for the benchmarks outside the
// package (content_test), which also build plans.
var WriteSizedPacks = writeSizedPacks
