using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Orders;

/// <summary>
/// A store's customers, orders, payments, shipments, returns, coupons, support and outbox. One physical
/// Orders database may hold many stores (pooled) or one (dedicated); an instance is bound to one store.
/// </summary>
public class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : TenantDbContext(options)
{
    public DbSet<OrdersStore> Stores => Set<OrdersStore>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerAddress> CustomerAddresses => Set<CustomerAddress>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderItem> OrderItems => Set<OrderItem>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<ShippingEvent> ShippingEvents => Set<ShippingEvent>();
    public DbSet<Coupon> Coupons => Set<Coupon>();
    public DbSet<CouponUsage> CouponUsages => Set<CouponUsage>();
    public DbSet<Return> Returns => Set<Return>();
    public DbSet<ReturnItem> ReturnItems => Set<ReturnItem>();
    public DbSet<SupportTicket> SupportTickets => Set<SupportTicket>();
    public DbSet<SupportTicketMessage> SupportTicketMessages => Set<SupportTicketMessage>();
    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrdersDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.OrdersStoreConfiguration).Namespace);

        ConfigureTenantModel<OrdersStore>(modelBuilder, this);
    }
}
