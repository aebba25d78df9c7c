package io.etareport.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/**
 * The shape of the three report entity sets: column names, their order in a row and their EDM types, plus the
 * Olingo EDM provider built from them. Rows are {@code Object[]} aligned with {@link EntitySchema#columns()};
 * values are {@link String}, {@link Integer}, {@link java.math.BigDecimal} or {@code null}.
 *
 * <p>Every date is an {@code Edm.String}: the data set deliberately carries malformed dates, which a typed
 * {@code Edm.DateTimeOffset} column could not hold.
 */
final class BuzSchema {

    static final String NAMESPACE = "BuzManager.Reports";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Container");

    enum ColumnType {
        STRING(EdmPrimitiveTypeKind.String), INT(EdmPrimitiveTypeKind.Int32), DECIMAL(EdmPrimitiveTypeKind.Decimal);

        final EdmPrimitiveTypeKind edm;

        ColumnType(EdmPrimitiveTypeKind edm) {
            this.edm = edm;
        }
    }

    record Column(String name, ColumnType type) {
    }

    record EntitySchema(String name, List<Column> columns, Map<String, Integer> index) {

        static EntitySchema of(String name, Column... columns) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                index.put(columns[i].name(), i);
            }
            return new EntitySchema(name, List.of(columns), Map.copyOf(index));
        }

        int indexOf(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("No column " + column + " in " + name);
            }
            return i;
        }

        FullQualifiedName typeName() {
            return new FullQualifiedName(NAMESPACE, name);
        }
    }

    private static Column s(String name) {
        return new Column(name, ColumnType.STRING);
    }

    private static Column i(String name) {
        return new Column(name, ColumnType.INT);
    }

    private static Column d(String name) {
        return new Column(name, ColumnType.DECIMAL);
    }

    /** One row per order line. Cost and margin columns sit among the harmless ones, as in the real report. */
    static final EntitySchema JOBS_SCHEDULE_DETAILED = EntitySchema.of("JobsScheduleDetailed",
            s("PkId"), s("RefNo"), i("FixedLine"), s("Customer"), s("Descn"), s("DateScheduled"),
            s("ProductionLine"), s("InventoryItem"), s("ProductionStatus"), s("OrderStatus"), s("DateOrdered"),
            i("Width"), i("Drop"), s("Colour"), s("Location"), i("Qty"), d("UnitCost"), d("BuyPrice"), d("COGS"),
            d("Margin"), d("MarkupPct"), d("WholesalePrice"), d("SupplierPrice"), d("SellPrice"), s("Notes"),
            s("BarcodeNo"), d("LineValue"));

    /** One row per order. Note {@code Order_Status} with an underscore. */
    static final EntitySchema SALES_REPORT = EntitySchema.of("SalesReport",
            s("PkId"), s("RefNo"), s("Customer"), s("CustomerGroup"), s("Order_Status"), s("DateOrdered"),
            s("SalesRep"), d("TotalExGST"), d("TotalCost"), d("GrossMargin"), d("MarginPct"));

    /** One row per order, for staff look-ups by {@code RefNo}. */
    static final EntitySchema WORK_IN_PROGRESS = EntitySchema.of("WorkInProgress",
            s("PkId"), s("RefNo"), s("Customer"), s("Descn"), s("OrderStatus"), s("DateOrdered"),
            s("DateScheduled"), s("CurrentStage"), i("LinesTotal"), i("LinesComplete"), i("PercentComplete"),
            d("TotalCost"), d("Margin"), s("Notes"));

    static final List<EntitySchema> ALL = List.of(JOBS_SCHEDULE_DETAILED, SALES_REPORT, WORK_IN_PROGRESS);

    static EntitySchema byName(String entitySet) {
        for (EntitySchema schema : ALL) {
            if (schema.name().equals(entitySet)) {
                return schema;
            }
        }
        return null;
    }

    private BuzSchema() {
    }

    /** The EDM Olingo parses {@code $filter}, {@code $select} and {@code $orderby} against. Key: {@code PkId}. */
    static final class EdmProvider extends CsdlAbstractEdmProvider {

        @Override
        public CsdlEntityType getEntityType(FullQualifiedName name) {
            for (EntitySchema schema : ALL) {
                if (schema.typeName().equals(name)) {
                    return entityType(schema);
                }
            }
            return null;
        }

        private static CsdlEntityType entityType(EntitySchema schema) {
            List<CsdlProperty> properties = schema.columns().stream()
                    .map(c -> {
                        CsdlProperty p = new CsdlProperty().setName(c.name())
                                .setType(c.type().edm.getFullQualifiedName());
                        if (c.name().equals("PkId")) {
                            p.setNullable(false);
                        }
                        return p;
                    })
                    .toList();
            return new CsdlEntityType().setName(schema.name()).setProperties(properties)
                    .setKey(List.of(new CsdlPropertyRef().setName("PkId")));
        }

        @Override
        public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
            if (!CONTAINER.equals(container)) {
                return null;
            }
            EntitySchema schema = byName(name);
            return schema == null ? null : new CsdlEntitySet().setName(name).setType(schema.typeName());
        }

        @Override
        public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
            if (name == null || CONTAINER.equals(name)) {
                return new CsdlEntityContainerInfo().setContainerName(CONTAINER);
            }
            return null;
        }

        @Override
        public CsdlEntityContainer getEntityContainer() {
            return new CsdlEntityContainer().setName(CONTAINER.getName())
                    .setEntitySets(ALL.stream().map(s -> getEntitySet(CONTAINER, s.name())).toList());
        }

        @Override
        public List<CsdlSchema> getSchemas() {
            return List.of(new CsdlSchema().setNamespace(NAMESPACE)
                    .setEntityTypes(ALL.stream().map(EdmProvider::entityType).toList())
                    .setEntityContainer(getEntityContainer()));
        }
    }
}
