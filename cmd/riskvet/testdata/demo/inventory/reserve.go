package inventory

import "fmt"

// Item is a product that can be reserved.
type Item struct {
	SKU       string
	Warehouse int
	Free      int
}

// Catalog finds items by SKU.
type Catalog struct{ items map[string]*Item }

func (c *Catalog) lookup(sku string) *Item { return c.items[sku] }

// Reserve takes n units of sku out of the free stock.
func (c *Catalog) Reserve(sku string, n int) error {
	item := c.lookup(sku)
	if item == nil {
		// nilness: item is nil here, so reading its warehouse panics.
		return fmt.Errorf("unknown sku %s in warehouse %d", sku, item.Warehouse)
	}
	if item.Free < n {
		return fmt.Errorf("only %d of %s left", item.Free, sku)
	}
	item.Free -= n
	return nil
}
