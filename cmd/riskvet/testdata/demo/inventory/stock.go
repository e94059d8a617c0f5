package inventory

// Stock records, per SKU, the count last seen in each warehouse; a count
// is absent while a warehouse is being audited.
type Stock struct {
	// genericdepth: four generic types deep. Naming the history,
	// type History List[Pair[int, Opt[int]]], makes this Map[string, History].
	bySKU Map[string, List[Pair[int, Opt[int]]]]
}

// Record notes count units of sku in warehouse.
func (s *Stock) Record(sku string, warehouse, count int) {
	h, _ := s.bySKU.Get(sku)
	h.Append(Pair[int, Opt[int]]{First: warehouse, Second: Opt[int]{Val: count, OK: true}})
	s.bySKU.Put(sku, h)
}
