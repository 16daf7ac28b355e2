using System;
using Avnera.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Avnera.Data.Orders.Migrations
{
    /// <summary>
    /// The one baseline of this database (decision 0008): EF's tables, then the frozen SQL beside this file
    /// (security, functions, grants, Row Level Security), whose SHA-256 is named below.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tenant_stores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    next_order_number = table.Column<long>(type: "bigint", nullable: false),
                    next_return_number = table.Column<long>(type: "bigint", nullable: false),
                    next_ticket_number = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_stores", x => x.id);
                    table.CheckConstraint("ck_tenant_stores_next_order_number", "next_order_number > 0 and next_return_number > 0 and next_ticket_number > 0");
                });

            migrationBuilder.CreateTable(
                name: "coupons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    min_subtotal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    usage_limit = table.Column<int>(type: "integer", nullable: true),
                    usage_limit_per_customer = table.Column<int>(type: "integer", nullable: true),
                    times_used = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupons", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_coupons_code_upper", "code = upper(code)");
                    table.CheckConstraint("ck_coupons_kind", "kind in ('percent', 'fixed_amount', 'free_shipping')");
                    table.CheckConstraint("ck_coupons_min_subtotal", "min_subtotal is null or min_subtotal >= 0");
                    table.CheckConstraint("ck_coupons_percent_value", "kind <> 'percent' or value <= 100");
                    table.CheckConstraint("ck_coupons_period", "ends_at is null or ends_at > starts_at");
                    table.CheckConstraint("ck_coupons_times_used", "times_used >= 0 and (usage_limit is null or times_used <= usage_limit)");
                    table.CheckConstraint("ck_coupons_usage_limits", "(usage_limit is null or usage_limit >= 0) and (usage_limit_per_customer is null or usage_limit_per_customer >= 0)");
                    table.CheckConstraint("ck_coupons_value", "value >= 0");
                    table.ForeignKey(
                        name: "fk_coupons_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    accepts_marketing = table.Column<bool>(type: "boolean", nullable: false),
                    is_guest = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_customers_guest_has_no_user", "not (is_guest and user_id is not null)");
                    table.ForeignKey(
                        name: "fk_customers_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "email_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    body_text = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_email_templates", x => new { x.store_id, x.id });
                    table.ForeignKey(
                        name: "fk_email_templates_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_outbox_attempts", "attempts >= 0");
                    table.ForeignKey(
                        name: "fk_outbox_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customer_addresses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    is_default_shipping = table.Column<bool>(type: "boolean", nullable: false),
                    is_default_billing = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_addresses", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_customer_addresses_country_code", "country_code ~ '^[A-Z]{2}$'");
                    table.ForeignKey(
                        name: "fk_customer_addresses_customers_store_id_customer_id",
                        columns: x => new { x.store_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_customer_addresses_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    subtotal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    discount_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    shipping_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    tax_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    grand_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    coupon_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    shipping_address = table.Column<string>(type: "jsonb", nullable: true),
                    billing_address = table.Column<string>(type: "jsonb", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    placed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_orders_currency", "currency ~ '^[A-Z]{3}$'");
                    table.CheckConstraint("ck_orders_number", "number > 0");
                    table.CheckConstraint("ck_orders_status", "status in ('pending', 'awaiting_payment', 'paid', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'refunded', 'partially_refunded', 'rejected_out_of_stock', 'payment_failed')");
                    table.CheckConstraint("ck_orders_totals", "subtotal >= 0 and discount_total >= 0 and shipping_total >= 0 and tax_total >= 0 and grand_total >= 0");
                    table.ForeignKey(
                        name: "fk_orders_customers_store_id_customer_id",
                        columns: x => new { x.store_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coupon_usage",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coupon_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupon_usage", x => new { x.store_id, x.id });
                    table.ForeignKey(
                        name: "fk_coupon_usage_coupons_store_id_coupon_id",
                        columns: x => new { x.store_id, x.coupon_id },
                        principalTable: "coupons",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_coupon_usage_customers_store_id_customer_id",
                        columns: x => new { x.store_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_coupon_usage_orders_store_id_order_id",
                        columns: x => new { x.store_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_coupon_usage_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    variant_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    discount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    line_total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_items", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_order_items_amounts", "unit_price >= 0 and discount >= 0 and line_total >= 0");
                    table.CheckConstraint("ck_order_items_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_order_items_orders_store_id_order_id",
                        columns: x => new { x.store_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_order_items_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    provider_payment_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    captured_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    refunded_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_payments_amounts", "amount >= 0 and captured_amount >= 0 and refunded_amount >= 0 and refunded_amount <= captured_amount and captured_amount <= amount");
                    table.CheckConstraint("ck_payments_currency", "currency ~ '^[A-Z]{3}$'");
                    table.CheckConstraint("ck_payments_status", "status in ('pending', 'authorized', 'captured', 'failed', 'cancelled', 'refunded', 'partially_refunded')");
                    table.ForeignKey(
                        name: "fk_payments_orders_store_id_order_id",
                        columns: x => new { x.store_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payments_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "shipments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    service = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    tracking_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    shipped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shipments", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_shipments_status", "status in ('pending', 'shipped', 'in_transit', 'delivered', 'returned', 'lost')");
                    table.ForeignKey(
                        name: "fk_shipments_orders_store_id_order_id",
                        columns: x => new { x.store_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_shipments_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    priority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_tickets", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_support_tickets_number", "number > 0");
                    table.CheckConstraint("ck_support_tickets_priority", "priority in ('low', 'normal', 'high', 'urgent')");
                    table.CheckConstraint("ck_support_tickets_status", "status in ('open', 'pending', 'resolved', 'closed')");
                    table.ForeignKey(
                        name: "fk_support_tickets_customers_store_id_customer_id",
                        columns: x => new { x.store_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_tickets_orders_store_id_order_id",
                        columns: x => new { x.store_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_tickets_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    error_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    error_message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_attempts", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_payment_attempts_status", "status in ('started', 'succeeded', 'declined', 'error')");
                    table.ForeignKey(
                        name: "fk_payment_attempts_payments_store_id_payment_id",
                        columns: x => new { x.store_id, x.payment_id },
                        principalTable: "payments",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_payment_attempts_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    provider_refund_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refunds", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_refunds_amount", "amount > 0");
                    table.CheckConstraint("ck_refunds_status", "status in ('pending', 'succeeded', 'failed')");
                    table.ForeignKey(
                        name: "fk_refunds_orders_store_id_order_id",
                        columns: x => new { x.store_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_refunds_payments_store_id_payment_id",
                        columns: x => new { x.store_id, x.payment_id },
                        principalTable: "payments",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_refunds_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "shipping_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shipment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shipping_events", x => new { x.store_id, x.id });
                    table.ForeignKey(
                        name: "fk_shipping_events_shipments_store_id_shipment_id",
                        columns: x => new { x.store_id, x.shipment_id },
                        principalTable: "shipments",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_shipping_events_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_ticket_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_staff = table.Column<bool>(type: "boolean", nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_ticket_messages", x => new { x.store_id, x.id });
                    table.ForeignKey(
                        name: "fk_support_ticket_messages_support_tickets_store_id_ticket_id",
                        columns: x => new { x.store_id, x.ticket_id },
                        principalTable: "support_tickets",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_support_ticket_messages_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    resolution_notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    refund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_returns", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_returns_number", "number > 0");
                    table.CheckConstraint("ck_returns_status", "status in ('requested', 'approved', 'rejected', 'received', 'refunded', 'closed')");
                    table.ForeignKey(
                        name: "fk_returns_customers_store_id_customer_id",
                        columns: x => new { x.store_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_returns_orders_store_id_order_id",
                        columns: x => new { x.store_id, x.order_id },
                        principalTable: "orders",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_returns_refunds_store_id_refund_id",
                        columns: x => new { x.store_id, x.refund_id },
                        principalTable: "refunds",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_returns_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "return_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    return_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_items", x => new { x.store_id, x.id });
                    table.CheckConstraint("ck_return_items_quantity", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_return_items_order_items_store_id_order_item_id",
                        columns: x => new { x.store_id, x.order_item_id },
                        principalTable: "order_items",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_return_items_returns_store_id_return_id",
                        columns: x => new { x.store_id, x.return_id },
                        principalTable: "returns",
                        principalColumns: new[] { "store_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_return_items_tenant_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "tenant_stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_coupon_usage_store_id_coupon_id_order_id",
                table: "coupon_usage",
                columns: new[] { "store_id", "coupon_id", "order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_coupon_usage_store_id_customer_id_coupon_id",
                table: "coupon_usage",
                columns: new[] { "store_id", "customer_id", "coupon_id" });

            migrationBuilder.CreateIndex(
                name: "ix_coupon_usage_store_id_order_id",
                table: "coupon_usage",
                columns: new[] { "store_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_coupons_store_id_code",
                table: "coupons",
                columns: new[] { "store_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_addresses_store_id_customer_id",
                table: "customer_addresses",
                columns: new[] { "store_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_store_id_email",
                table: "customers",
                columns: new[] { "store_id", "email" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_store_id_user_id",
                table: "customers",
                columns: new[] { "store_id", "user_id" },
                unique: true,
                filter: "user_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_email_templates_store_id_key_language",
                table: "email_templates",
                columns: new[] { "store_id", "key", "language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_items_store_id_order_id",
                table: "order_items",
                columns: new[] { "store_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_store_id_customer_id_created_at",
                table: "orders",
                columns: new[] { "store_id", "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_store_id_idempotency_key",
                table: "orders",
                columns: new[] { "store_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_store_id_number",
                table: "orders",
                columns: new[] { "store_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_store_id_status_created_at",
                table: "orders",
                columns: new[] { "store_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_store_id_user_id_created_at",
                table: "orders",
                columns: new[] { "store_id", "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_created_at",
                table: "outbox",
                column: "created_at",
                filter: "processed_at is null");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_store_id_processed_at_created_at",
                table: "outbox",
                columns: new[] { "store_id", "processed_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_attempts_store_id_idempotency_key",
                table: "payment_attempts",
                columns: new[] { "store_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_attempts_store_id_payment_id_created_at",
                table: "payment_attempts",
                columns: new[] { "store_id", "payment_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_provider_provider_payment_id",
                table: "payments",
                columns: new[] { "provider", "provider_payment_id" },
                unique: true,
                filter: "provider_payment_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_payments_store_id_order_id",
                table: "payments",
                columns: new[] { "store_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_refunds_store_id_idempotency_key",
                table: "refunds",
                columns: new[] { "store_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_refunds_store_id_order_id",
                table: "refunds",
                columns: new[] { "store_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_refunds_store_id_payment_id",
                table: "refunds",
                columns: new[] { "store_id", "payment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_return_items_store_id_order_item_id",
                table: "return_items",
                columns: new[] { "store_id", "order_item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_return_items_store_id_return_id",
                table: "return_items",
                columns: new[] { "store_id", "return_id" });

            migrationBuilder.CreateIndex(
                name: "ix_returns_store_id_customer_id",
                table: "returns",
                columns: new[] { "store_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_returns_store_id_number",
                table: "returns",
                columns: new[] { "store_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_returns_store_id_order_id",
                table: "returns",
                columns: new[] { "store_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_returns_store_id_refund_id",
                table: "returns",
                columns: new[] { "store_id", "refund_id" });

            migrationBuilder.CreateIndex(
                name: "ix_shipments_store_id_order_id",
                table: "shipments",
                columns: new[] { "store_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_shipping_events_store_id_shipment_id_occurred_at",
                table: "shipping_events",
                columns: new[] { "store_id", "shipment_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_support_ticket_messages_store_id_ticket_id_created_at",
                table: "support_ticket_messages",
                columns: new[] { "store_id", "ticket_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_support_tickets_store_id_customer_id",
                table: "support_tickets",
                columns: new[] { "store_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_support_tickets_store_id_number",
                table: "support_tickets",
                columns: new[] { "store_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_tickets_store_id_order_id",
                table: "support_tickets",
                columns: new[] { "store_id", "order_id" });

            migrationBuilder.CreateIndex(
                name: "ix_support_tickets_store_id_status_updated_at",
                table: "support_tickets",
                columns: new[] { "store_id", "status", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_support_tickets_store_id_user_id",
                table: "support_tickets",
                columns: new[] { "store_id", "user_id" });

            migrationBuilder.Sql(MigrationSql.Read(this, "e78a881f8cf39b2a7c272feeceb805dda6fe42e1ead332f77110755b909f5df8"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException("The baseline is not undone: drop the database instead.");
        }
    }
}
