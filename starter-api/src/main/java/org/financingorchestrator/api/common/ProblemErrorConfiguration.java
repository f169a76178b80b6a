package org.financingorchestrator.api.common;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ProblemErrorReportValve} in place of the Tomcat host's HTML error report. */
@Configuration(proxyBeanMethods = false)
public class ProblemErrorConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonFromTomcat() {
    // Runs after Spring Boot's own customizer, which adds an ErrorReportValve of its own.
    return factory ->
        factory.addContextCustomizers(
            context -> {
              // The host adds a valve of this class when it starts, unless one is there.
              ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
              for (Valve valve : context.getParent().getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                  context.getParent().getPipeline().removeValve(valve);
                }
              }
              context.getParent().getPipeline().addValve(new ProblemErrorReportValve());
            });
  }
}
