package org.faultline.spark;

import org.apache.spark.sql.SparkSession;

/** Opens the Spark session of a job's main method. */
final class Sessions {
    private Sessions() {
    }

    /**
     * A session named {@code app}; {@code master} when given, else what spark-submit set, else {@code local[2]}.
     * Local sessions log at WARN, since Spark's INFO lines would bury the job's own output.
     */
    static SparkSession open(String app, String master) {
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (master != null) {
            b = b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b = b.master("local[2]");
        }
        SparkSession spark = b.getOrCreate();
        if (spark.sparkContext().isLocal()) {
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }
}
