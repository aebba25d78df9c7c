package io.etareport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication
public class EtaReportApplication { public static void main(String[] a){ SpringApplication.run(EtaReportApplication.class,a);} }
