package dev.kurashi.cart;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CartItemRepository implements PanacheRepositoryBase<CartItem, CartItem.Key> {

    /** Empties a cart (after an order is placed). Returns the number of items removed. */
    public long deleteByCart(long cartId) {
        return delete("cart.id", cartId);
    }

    /**
     * A customer's cart lines with their SKUs and products, in one query, oldest line first. The join to
     * the catalog's tables is a read model: cart never touches the catalog's entities otherwise.
     */
    public List<CartLineRow> listLines(long customerId) {
        return getEntityManager()
                .createQuery(
                        "select new dev.kurashi.cart.CartLineRow(s.id, s.code, s.label, s.priceJpy, s.hidden,"
                                + " p.slug, p.name, p.taxRate, p.active, i.quantity)"
                                + " from CartItem i join i.cart c join Sku s on s.id = i.skuId join s.product p"
                                + " where c.customerId = ?1 order by i.addedAt, i.skuId",
                        CartLineRow.class)
                .setParameter(1, customerId)
                .getResultList();
    }

    /** Sets the quantity of a SKU in the customer's (existing) cart, adding the line if missing. */
    public int upsert(long customerId, long skuId, int quantity) {
        return getEntityManager()
                .createNativeQuery("INSERT INTO cart_items (cart_id, sku_id, quantity)"
                        + " SELECT id, ?2, ?3 FROM carts WHERE customer_id = ?1"
                        + " ON CONFLICT (cart_id, sku_id) DO UPDATE SET quantity = excluded.quantity")
                .setParameter(1, customerId)
                .setParameter(2, skuId)
                .setParameter(3, quantity)
                .executeUpdate();
    }

    /** Removes one SKU from the customer's cart. Returns the number of lines removed. */
    public long deleteLine(long customerId, long skuId) {
        return delete("cart.id in (select c.id from Cart c where c.customerId = ?1) and skuId = ?2", customerId, skuId);
    }

    /** Empties the customer's cart. Returns the number of lines removed. */
    public long deleteByCustomer(long customerId) {
        return delete("cart.id in (select c.id from Cart c where c.customerId = ?1)", customerId);
    }
}
